/**
 * The kiosk shell's settings file, validated with zod on every load and save: a
 * hand-edited or half-written file must never start a kiosk pointed nowhere.
 */
import { certFingerprintsSchema } from '@layso/shared';
import { pinHashSchema } from '@layso/electron-shell';
import { z } from 'zod';
import { parsePrinterTarget } from '../printer/printer-target.js';

/** Same alphabet the hub accepts in `Authorization: Bearer …`. */
export const deviceTokenSchema = z.string().regex(/^[\w.~+/=-]{1,256}$/, 'not a device token');

/** The hub's origin (`http://192.168.1.10:8080`); paths, queries and credentials are refused. */
export const hubUrlSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a URL, e.g. http://192.168.1.10:8080' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'must start with http:// or https://' });
      return z.NEVER;
    }
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'only the hub address and port, without a path' });
      return z.NEVER;
    }
    return url.origin;
  });

/** A printer address the printer module understands (tcp://, serial://, printer:NAME). */
export const printerAddressSchema = z
  .string()
  .trim()
  .refine(
    (text) => {
      try {
        parsePrinterTarget(text);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected tcp://HOST:9100, serial:///dev/ttyUSB0 or printer:NAME' },
  );

export const adminPinSchema = z.string().regex(/^\d{4,8}$/, 'the PIN is 4 to 8 digits');

export const kioskSettingsSchema = z.strictObject({
  version: z.literal(1),
  hubUrl: hubUrlSchema,
  /** null until paired: the kiosk page then shows a pairing code and hands the token back (save-paired-token). */
  token: deviceTokenSchema.nullable(),
  /** null: no printer, the kiosk shows the number on screen only. */
  printer: printerAddressSchema.nullable(),
  paper: z.enum(['80mm', '58mm']).default('80mm'),
  textMode: z.enum(['cp1258', 'raster', 'ascii']).default('cp1258'),
  /** ESC t n of the printer's WPC1258 table when it is not Epson's 52. */
  codePage: z.number().int().min(0).max(255).nullable().default(null),
  adminPin: pinHashSchema,
  /** The hub's pinned HTTPS certificate (or the center CA's) fingerprints, set with the hub address. */
  hubCertFingerprints: certFingerprintsSchema,
  /**
   * Serial port of a 2D scanner in USB-CDC mode (/dev/ttyACM0, COM5) for the CCCD QR; null when
   * there is none or it is in keyboard (HID) mode. Set in the settings file (docs/kiosk.md).
   */
  scanner: z
    .string()
    .trim()
    .regex(/^(\/dev\/[\w./-]{1,120}|COM\d{1,3})$/, 'a serial port such as /dev/ttyACM0 or COM5')
    .nullable()
    .default(null),
});
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
