/**
 * Reads and writes the kiosk's settings file. Writes go to a temporary file renamed
 * over the old one, so a power cut mid-save leaves the previous settings intact.
 */
import { readJsonFile, writeJsonFileAtomic } from '@layso/electron-shell';
import { kioskSettingsSchema, type KioskSettings } from './settings-schema.js';

export const SETTINGS_FILE_NAME = 'kiosk-settings.json';

export type LoadedSettings =
  | { status: 'ok'; settings: KioskSettings }
  | { status: 'missing' }
  | { status: 'invalid'; problems: string[] };

export function loadSettingsFile(path: string): LoadedSettings {
  const read = readJsonFile(path);
  if (read.status === 'missing') return read;
  if (read.status === 'unreadable') return { status: 'invalid', problems: [`cannot read ${path}: ${read.message}`] };
  if (read.status === 'not-json') return { status: 'invalid', problems: [`${path} is not JSON`] };
  const parsed = kioskSettingsSchema.safeParse(read.json);
  if (!parsed.success) {
    return { status: 'invalid', problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  return { status: 'ok', settings: parsed.data };
}

/** Throws (and leaves the old file) when the settings are not valid. */
export function saveSettingsFile(path: string, settings: KioskSettings): void {
  writeJsonFileAtomic(path, kioskSettingsSchema.parse(settings));
}
