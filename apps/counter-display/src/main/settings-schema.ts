import { certFingerprintsSchema } from '@layso/shared';
import { z } from 'zod';

/** The three screens one shell can be. */
export const SHELL_ROLES = ['counter', 'door', 'board'] as const;
export type ShellRole = (typeof SHELL_ROLES)[number];

const counterNumber = z.number().int().min(1).max(999);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'mã khu vực: chữ thường, số, dấu gạch ngang');
const serialPath = z.string().trim().min(1).max(200);

export const ledSettingsSchema = z.strictObject({
  path: serialPath,
  baudRate: z.number().int().positive().max(1_000_000).optional(),
  /** A protocol id registered by the LED driver (`ascii-line`, `framed`). */
  protocol: z.string().trim().min(1).max(40).optional(),
  address: z.number().int().min(1).max(254).optional(),
});

export const keypadSettingsSchema = z.strictObject({
  path: serialPath,
  baudRate: z.number().int().positive().max(1_000_000).optional(),
});

const hubUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://' }))
  // One spelling: no trailing slash, so paths can be appended.
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * The shell's settings, entered on its settings screen and stored as JSON in the
 * app's userData folder. Validated on every read and every save: a hand-edited file
 * with a mistake opens the settings screen instead of a broken window.
 */
export const shellSettingsSchema = z
  .strictObject({
    role: z.enum(SHELL_ROLES),
    hubUrl,
    /**
     * The device token (counter token for a console, display token for door and board).
     * Absent until paired: the page then shows a pairing code, and the pairing sets the
     * token, the role and the counter (save-paired-token).
     */
    token: z
      .string()
      .trim()
      .min(8)
      .max(256)
      .regex(/^[\w.~+/=-]+$/, 'mã thiết bị không hợp lệ')
      .optional(),
    /** The hub's pinned HTTPS certificate (or the center CA's) SHA-256 fingerprints; [] = no pin. */
    hubCertFingerprints: certFingerprintsSchema,
    /** Console and door: the counter number. */
    counter: counterNumber.optional(),
    /** Board: areas shown; empty = all. */
    areas: z.array(slug).max(50).default([]),
    layout: z.enum(['landscape', 'portrait']).default('landscape'),
    notice: z.string().trim().max(500).optional(),
    volume: z.number().min(0).max(1).default(1),
    muted: z.boolean().default(false),
    /** Start with the operating system session. */
    autostart: z.boolean().default(true),
    led: ledSettingsSchema.optional(),
    keypad: keypadSettingsSchema.optional(),
  })
  .superRefine((settings, ctx) => {
    // Before pairing the counter is not known yet: the pairing brings it.
    if (settings.role !== 'board' && settings.counter === undefined && settings.token !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['counter'], message: 'cần số quầy cho màn hình quầy' });
    }
    if (settings.led && settings.role === 'board') {
      ctx.addIssue({ code: 'custom', path: ['led'], message: 'bảng LED thuộc một quầy, không dùng cho bảng tổng' });
    }
    if (settings.keypad && settings.role !== 'counter') {
      ctx.addIssue({ code: 'custom', path: ['keypad'], message: 'bàn phím gọi số chỉ dùng với vai trò quầy (cần mã thiết bị của quầy)' });
    }
  });

export type ShellSettings = z.infer<typeof shellSettingsSchema>;
export type ShellSettingsInput = z.input<typeof shellSettingsSchema>;

/** A new PIN: 4–8 digits, typed on a touch screen or a numeric keypad. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'mã PIN gồm 4–8 chữ số');

export interface FieldProblem {
  path: string;
  message: string;
}

export type SettingsParse = { ok: true; settings: ShellSettings } | { ok: false; problems: FieldProblem[] };

export function parseShellSettings(input: unknown): SettingsParse {
  const parsed = shellSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
