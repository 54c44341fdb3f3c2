/**
 * Reads and writes the settings file. Writes go to a temporary file renamed over
 * the old one, so a power cut mid-save leaves the previous settings intact.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { kioskSettingsSchema, type KioskSettings } from './settings-schema.js';

export const SETTINGS_FILE_NAME = 'kiosk-settings.json';

export type LoadedSettings =
  | { status: 'ok'; settings: KioskSettings }
  | { status: 'missing' }
  | { status: 'invalid'; problems: string[] };

export function loadSettingsFile(path: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', problems: [`cannot read ${path}: ${(error as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'invalid', problems: [`${path} is not JSON`] };
  }
  const parsed = kioskSettingsSchema.safeParse(json);
  if (!parsed.success) {
    return { status: 'invalid', problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  return { status: 'ok', settings: parsed.data };
}

export function saveSettingsFile(path: string, settings: KioskSettings): void {
  const valid = kioskSettingsSchema.parse(settings);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  // 0600: the file holds the device token.
  writeFileSync(temporary, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
