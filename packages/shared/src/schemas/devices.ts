import { z } from 'zod';
import { counterNumberSchema } from './center-config.js';
import { isoInstantSchema, roleSchema } from './api.js';
import { printerHealthSchema } from './device-status.js';

/**
 * Device pairing, the device fleet and remote device commands (docs/devices.md).
 *
 * Pairing: a new kiosk or counter-display shows a 6-digit code; the admin types it in
 * the console, picks the role (and counter) and the device, polling with its secret
 * pairing id, receives its token once.
 */

/** The two apps that can pair themselves. */
export const PAIRING_KINDS = ['kiosk', 'counter-display'] as const;
export const pairingKindSchema = z.enum(PAIRING_KINDS);
export type PairingKind = z.infer<typeof pairingKindSchema>;

/** Roles a pairing can grant: `portal` and `admin` tokens are never handed to a screen. */
export const PAIRABLE_ROLES = ['kiosk', 'counter', 'display'] as const;
export const pairableRoleSchema = z.enum(PAIRABLE_ROLES);
export type PairableRole = z.infer<typeof pairableRoleSchema>;

/**
 * The screen a paired device shows. A counter-display is one of three screens; the
 * `display` role covers both the door screen and the hall board, so the screen is
 * carried separately (the devices table keeps it, and a door screen's counter, beside
 * the token; the token's own `counter` stays for counter consoles only).
 */
export const DEVICE_SCREENS = ['kiosk', 'counter', 'door', 'board'] as const;
export const deviceScreenSchema = z.enum(DEVICE_SCREENS);
export type DeviceScreen = z.infer<typeof deviceScreenSchema>;

export const pairingCodeSchema = z.string().regex(/^\d{6}$/, 'must be 6 digits');
/** The device's secret handle on its pairing (base64url, ≥ 128 random bits). */
export const pairingIdSchema = z.string().regex(/^[\w-]{22,100}$/, 'not a pairing id');
export const deviceNameSchema = z.string().trim().min(1).max(80);
const appVersionSchema = z.string().trim().min(1).max(40);

// ---- pairing: the device side (public) ------------------------------------

/** POST /api/pairing (no token): a device without a token asks for a code. */
export const createPairingRequestSchema = z.strictObject({
  kind: pairingKindSchema,
  appVersion: appVersionSchema,
  hostname: z.string().trim().min(1).max(100).optional(),
});
export type CreatePairingRequest = z.infer<typeof createPairingRequestSchema>;

export const createPairingResponseSchema = z.object({
  /** Secret: only the device that asked knows it; it polls with it. */
  pairingId: pairingIdSchema,
  /** Shown on the device's screen, typed by the admin. */
  code: pairingCodeSchema,
  expiresAt: isoInstantSchema,
});
export type CreatePairingResponse = z.infer<typeof createPairingResponseSchema>;

export const pairingParamsSchema = z.strictObject({ pairingId: pairingIdSchema });

/** GET /api/pairing/:pairingId: pending until the admin claims the code; the token is handed over once. */
export const pairingStatusResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), expiresAt: isoInstantSchema }),
  z.object({
    status: z.literal('paired'),
    token: z.string(),
    role: pairableRoleSchema,
    /** The counter of a console or a door screen; null for a kiosk or a board. */
    counter: counterNumberSchema.nullable(),
    screen: deviceScreenSchema,
    name: z.string(),
  }),
]);
export type PairingStatusResponse = z.infer<typeof pairingStatusResponseSchema>;
export type PairingResult = Extract<PairingStatusResponse, { status: 'paired' }>;

// ---- pairing: the admin side -----------------------------------------------

/**
 * POST /api/admin/pairing: the admin claims a code. `counter` is required for a
 * counter console and for a door screen (a display with `screen: 'door'`); a display
 * without `screen` is a hall board.
 */
export const claimPairingRequestSchema = z
  .strictObject({
    code: pairingCodeSchema,
    role: pairableRoleSchema,
    counter: counterNumberSchema.optional(),
    screen: z.enum(['door', 'board']).optional(),
    name: deviceNameSchema,
  })
  .superRefine((body, ctx) => {
    const needsCounter = body.role === 'counter' || (body.role === 'display' && body.screen === 'door');
    if (needsCounter && body.counter === undefined) {
      ctx.addIssue({ code: 'custom', path: ['counter'], message: 'a counter console or door screen needs its counter' });
    }
    if (!needsCounter && body.counter !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['counter'], message: 'only a counter console or a door screen has a counter' });
    }
    if (body.screen !== undefined && body.role !== 'display') {
      ctx.addIssue({ code: 'custom', path: ['screen'], message: 'screen is chosen for a display only' });
    }
  });
export type ClaimPairingRequest = z.infer<typeof claimPairingRequestSchema>;

/** The screen a claim assigns (a display without `screen` is a board). */
export function screenOf(claim: Pick<ClaimPairingRequest, 'role' | 'screen'>): DeviceScreen {
  if (claim.role === 'display') return claim.screen ?? 'board';
  return claim.role;
}

// ---- fleet -------------------------------------------------------------------

/** One device as the admin console lists it. Instants are ISO strings; null = never. */
export const fleetDeviceSchema = z.object({
  id: z.number().int().min(1),
  name: z.string().nullable(),
  role: roleSchema,
  /** The counter of a console, or of a door screen paired for one; null otherwise. */
  counter: counterNumberSchema.nullable(),
  /**
   * The screen it was paired as (a `display` is a door screen or a hall board); null
   * when unknown: an admin or portal token, or a display token made by the CLI.
   */
  screen: deviceScreenSchema.nullable(),
  createdAt: isoInstantSchema,
  lastSeenAt: isoInstantSchema.nullable(),
  /** Connected over socket.io right now. */
  online: z.boolean(),
  revokedAt: isoInstantSchema.nullable(),
  /** From the device's last `PUT /api/devices/me/status`. */
  appVersion: z.string().nullable(),
  printer: printerHealthSchema.nullable(),
  statusAt: isoInstantSchema.nullable(),
});
export type FleetDevice = z.infer<typeof fleetDeviceSchema>;

/** GET /api/admin/devices: every device, revoked ones included (newest first). */
export const fleetResponseSchema = z.object({ devices: z.array(fleetDeviceSchema) });
export type FleetResponse = z.infer<typeof fleetResponseSchema>;

export const deviceIdParamsSchema = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,9}$/, 'must be a device id').transform(Number),
});

/** PUT /api/admin/devices/:id → the device. */
export const renameDeviceRequestSchema = z.strictObject({ name: deviceNameSchema });
export type RenameDeviceRequest = z.infer<typeof renameDeviceRequestSchema>;

/** POST /api/admin/pairing, PUT /api/admin/devices/:id, POST …/revoke all answer with the device. */
export const deviceResponseSchema = z.object({ device: fleetDeviceSchema });
export type DeviceResponse = z.infer<typeof deviceResponseSchema>;

// ---- remote commands ---------------------------------------------------------

export const DEVICE_COMMANDS = ['reprint-last', 'test-print', 'reload', 'restart-app'] as const;
export const deviceCommandNameSchema = z.enum(DEVICE_COMMANDS);
export type DeviceCommandName = z.infer<typeof deviceCommandNameSchema>;
/** Commands that need a printer: kiosks only. */
export const PRINTER_COMMANDS: readonly DeviceCommandName[] = ['reprint-last', 'test-print'];

/** POST /api/admin/devices/:id/commands. */
export const deviceCommandRequestSchema = z.strictObject({ command: deviceCommandNameSchema });
export type DeviceCommandRequest = z.infer<typeof deviceCommandRequestSchema>;

/** Server → device socket.io event `device:command`, sent to that device's sockets only. */
export const deviceCommandEventSchema = z.object({
  id: z.string().min(1).max(100),
  command: deviceCommandNameSchema,
});
export type DeviceCommandEvent = z.infer<typeof deviceCommandEventSchema>;

/** Device → server socket.io event `device:command-ack`: the outcome of one command. */
export const deviceCommandAckSchema = z.strictObject({
  id: z.string().min(1).max(100),
  ok: z.boolean(),
  message: z.string().max(300).optional(),
});
export type DeviceCommandAck = z.infer<typeof deviceCommandAckSchema>;

/**
 * The admin's answer: the device's ack, or `timedOut` when none came within ~5 s
 * (the command was sent; a reload or restart may not get to answer).
 */
export const deviceCommandResponseSchema = z.object({
  delivered: z.literal(true),
  timedOut: z.boolean(),
  result: z.object({ ok: z.boolean(), message: z.string().optional() }).nullable(),
});
export type DeviceCommandResponse = z.infer<typeof deviceCommandResponseSchema>;
