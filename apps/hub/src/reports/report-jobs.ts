import type { ReportRequest } from './report-engine.js';

/** A job for the report worker; `id` pairs the answer with the request. */
export type ReportJob =
  | { id: number; kind: 'report'; request: ReportRequest }
  | { id: number; kind: 'fill'; from: string; to: string; timeZone: string };

export type ReportAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

