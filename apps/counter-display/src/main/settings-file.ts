import { join } from 'node:path';
import { pinHashSchema, readJsonFile, writeJsonFileAtomic, type PinHash } from '@layso/electron-shell';
import { parseShellSettings, type FieldProblem, type ShellSettings } from './settings-schema.js';
import { z } from 'zod';

/** In the app's userData folder (app.getPath('userData')). */
export const SETTINGS_FILE_NAME = 'layso-counter-display.json';

export function settingsPath(userDataDir: string): string {
  return join(userDataDir, SETTINGS_FILE_NAME);
}

export interface StoredSettings {
  settings: ShellSettings | null;
  pin: PinHash | null;
  /** Why the stored settings were not usable (the settings screen shows it). */
  problems: FieldProblem[];
}

const fileSchema = z.object({ version: z.literal(1), settings: z.unknown().optional(), pin: pinHashSchema.nullable().optional() });

/** Reads and validates the file; a missing, unreadable or invalid file yields no settings. */
export function readSettingsFile(path: string): StoredSettings {
  const read = readJsonFile(path);
  if (read.status === 'missing' || read.status === 'unreadable') return { settings: null, pin: null, problems: [] };
  if (read.status === 'not-json') return { settings: null, pin: null, problems: [{ path: '', message: 'tệp cài đặt không phải JSON hợp lệ' }] };
  const file = fileSchema.safeParse(read.json);
  if (!file.success) return { settings: null, pin: null, problems: [{ path: '', message: 'tệp cài đặt không đúng định dạng' }] };
  const pin = file.data.pin ?? null;
  if (file.data.settings === undefined) return { settings: null, pin, problems: [] };
  const parsed = parseShellSettings(file.data.settings);
  return parsed.ok ? { settings: parsed.settings, pin, problems: [] } : { settings: null, pin, problems: parsed.problems };
}

/**
 * Written atomically (temp file + rename) so a power cut mid-write leaves the old
 * settings, not half a file; readable by the user only, since it holds the token.
 */
export function writeSettingsFile(path: string, data: { settings: ShellSettings; pin: PinHash }): void {
  writeJsonFileAtomic(path, { version: 1, ...data });
}
