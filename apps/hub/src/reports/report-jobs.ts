import type { ReportRequest } from './report-engine.js';

/** A job for the report worker; `id` pairs the answer with the request. */
export type ReportJob =
  | { id: number; kind: 'report'; request: ReportRequest }
  | { id: number; kind: 'fill'; from: string; to: string; timeZone: string }
  /** Test hook: keeps the worker busy, to prove the hub's thread is not. */
  | { id: number; kind: 'busy'; ms: number };

export type ReportAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

