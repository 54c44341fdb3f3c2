import { z } from 'zod';

const codeSchema = z.string().regex(/^[A-Z0-9_-]{1,40}$/, 'must be an upper-case code');
const messageSchema = z.string().max(300);

/** A kiosk's printer as the kiosk last saw it. */
export const printerHealthSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('ready'), paperNearEnd: z.boolean() }),
  z.strictObject({ state: z.literal('unknown') }),
  z.strictObject({ state: z.literal('not-ready'), code: codeSchema, message: messageSchema }),
  z.strictObject({ state: z.literal('not-configured') }),
]);
export type PrinterHealthReport = z.infer<typeof printerHealthSchema>;

/** PUT /api/devices/me/status: what a device reports about itself. */
export const deviceStatusRequestSchema = z.strictObject({
  appVersion: z.string().max(40).optional(),
  printer: printerHealthSchema.optional(),
});
export type DeviceStatusRequest = z.infer<typeof deviceStatusRequestSchema>;

/** POST /api/tickets/:day/:number/print-result: whether the ticket came out of the printer. */
export const printResultRequestSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), code: codeSchema, message: messageSchema.optional() }),
]);
export type PrintResultRequest = z.infer<typeof printResultRequestSchema>;

export const recordedResponseSchema = z.object({ recorded: z.literal(true) });

/**
 * POST /api/devices/me/pin-failures: a shell reports a wrong settings PIN typed on it
 * (recorded in the audit log as `device.pin-failure`).
 */
export const pinFailureReportSchema = z.strictObject({
  /** Wrong tries in the current round, this one included. */
  failures: z.number().int().min(1).max(1000),
  /** Set when this try locked the settings screen. */
  lockedForMs: z.number().int().min(0).max(7 * 24 * 60 * 60_000),
});
export type PinFailureReport = z.infer<typeof pinFailureReportSchema>;
