/**
 * The ticket the renderer asks main to print, checked before it reaches the printer:
 * the page comes from the network, so its IPC payloads are input like any other. The
 * renderer checks a stored last ticket with it too, so it lives outside src/main (the
 * renderer may import main-process code for types only, eslint.config.js): zod and
 * types, no Node.
 */
import { z } from 'zod';
import { stripControlChars, ticketNumberSchema } from '@layso/shared';
import type { PrintableTicket } from '../printer/ticket-layout.js';
import type { TestPage } from '../printer/test-page-layout.js';

// Control characters are printer commands (ESC/GS/DLE): removed before anything else looks at the text.
const line = z.string().max(1000).transform(stripControlChars).pipe(z.string().trim().min(1).max(200));

export const printableTicketSchema = z.strictObject({
  centerName: line,
  areaName: line,
  serviceName: line,
  number: ticketNumberSchema,
  counter: z.number().int().min(1).max(999),
  issuedAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1).max(64),
  ahead: z.number().int().min(0).max(100_000),
  estWaitMin: z.number().int().min(0).max(100_000),
  statusUrl: z.url({ protocol: /^https?$/ }).max(300),
  priorityName: line.nullable().optional(),
  language: z.enum(['vi', 'en']).optional(),
  reprint: z.boolean().optional(),
}) satisfies z.ZodType<PrintableTicket, unknown>;

/** The admin's test page: the center's name and the time of the request. */
export const testPageSchema = z.strictObject({
  centerName: line,
  at: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1).max(64),
}) satisfies z.ZodType<TestPage, unknown>;
