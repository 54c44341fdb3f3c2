/**
 * Turns what the settings screen sends (strings typed by a technician) into a
 * complete, validated settings file. Blank token and PIN keep the stored ones; with
 * no token at all the kiosk pairs itself with the hub (a code on screen).
 */
import { parseFingerprintList } from '@layso/shared';
import { z } from 'zod';
import type { SettingsInput } from './bridge-api.js';
import { hashPin } from '@layso/electron-shell';
import {
  adminPinSchema,
  deviceTokenSchema,
  hubUrlSchema,
  kioskSettingsSchema,
  printerAddressSchema,
  type KioskSettings,
} from './settings-schema.js';

const blank = z.literal('');

export const settingsInputSchema = z.strictObject({
  hubUrl: hubUrlSchema,
  token: z.string().trim().pipe(z.union([blank, deviceTokenSchema])),
  printer: z.string().trim().pipe(z.union([blank, printerAddressSchema])),
  paper: z.enum(['80mm', '58mm']),
  textMode: z.enum(['cp1258', 'raster', 'ascii']),
  codePage: z
    .string()
    .trim()
    .pipe(z.union([blank, z.string().regex(/^\d{1,3}$/, 'a number 0–255').refine((s) => Number(s) <= 255, 'a number 0–255')])),
  hubCertFingerprints: z.string().max(1000).default(''),
  newPin: z.string().trim().pipe(z.union([blank, adminPinSchema])),
}) satisfies z.ZodType<SettingsInput, unknown>;

export type Problem = { field: string; message: string };
export type SettingsFromInput = { ok: true; settings: KioskSettings } | { ok: false; problems: Problem[] };

export function settingsFromInput(raw: unknown, current: KioskSettings | null, hash = hashPin): SettingsFromInput {
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })) };
  }
  const input = parsed.data;
  const problems: Problem[] = [];
  const token = input.token || current?.token || null;
  const adminPin = input.newPin ? hash(input.newPin) : current?.adminPin;
  if (!adminPin) problems.push({ field: 'newPin', message: 'choose an admin PIN (4 to 8 digits)' });
  const pins = parseFingerprintList(input.hubCertFingerprints);
  if (!pins.ok) problems.push({ field: 'hubCertFingerprints', message: pins.message });
  if (!adminPin || !pins.ok) return { ok: false, problems };
  const settings = kioskSettingsSchema.parse({
    version: 1,
    hubUrl: input.hubUrl,
    token,
    printer: input.printer || null,
    paper: input.paper,
    textMode: input.textMode,
    codePage: input.codePage === '' ? null : Number(input.codePage),
    adminPin,
    hubCertFingerprints: pins.fingerprints,
    // Not on the settings screen: kept from the file across saves.
    scanner: current?.scanner ?? null,
  });
  return { ok: true, settings };
}
