/**
 * The settings behind the admin PIN: what get-settings and save-settings do. Pure
 * Node; the IPC handlers call it and the shell reloads the kiosk page after a save.
 */
import { createPinLock, pinHashSchema, readJsonFile, verifyPin, type PinHash, type PinLock } from '@layso/electron-shell';
import type { GetSettingsResult, SaveSettingsResult, SettingsView } from './bridge-api.js';
import { loadSettingsFile, saveSettingsFile, type LoadedSettings } from './settings-file.js';
import { settingsFromInput } from './settings-input.js';
import { deviceTokenSchema, type KioskSettings } from './settings-schema.js';

export interface SettingsService {
  /** The valid settings, or null on first start / after a broken file. */
  current(): KioskSettings | null;
  /** Why the file could not be used (for the log and the settings screen). */
  problems(): string[];
  get(pin: unknown): GetSettingsResult;
  save(pin: unknown, input: unknown): SaveSettingsResult;
  /**
   * The token the hub page received by pairing. Taken only while the kiosk has none
   * (first start): a hub page can never replace a token the technician entered.
   */
  adoptPairedToken(token: unknown): boolean;
}

export interface SettingsServiceOptions {
  file: string;
  /** The wrong-PIN lock (shared with the counter display): persisted in userData by main.ts. */
  guard?: PinLock;
  onSaved?(settings: KioskSettings): void;
}

export function toSettingsView(settings: KioskSettings): SettingsView {
  return {
    hubUrl: settings.hubUrl,
    hasToken: settings.token !== null,
    printer: settings.printer,
    paper: settings.paper,
    textMode: settings.textMode,
    codePage: settings.codePage,
    hubCertFingerprints: settings.hubCertFingerprints,
  };
}

/** A broken file still protects the screen with its PIN if that part is readable. */
function salvagePin(file: string, loaded: LoadedSettings): PinHash | null {
  if (loaded.status === 'ok') return loaded.settings.adminPin;
  if (loaded.status === 'missing') return null;
  const read = readJsonFile(file);
  const raw = read.status === 'ok' && typeof read.json === 'object' && read.json !== null ? (read.json as { adminPin?: unknown }) : {};
  const parsed = pinHashSchema.safeParse(raw.adminPin);
  return parsed.success ? parsed.data : null;
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const guard = options.guard ?? createPinLock();
  let loaded = loadSettingsFile(options.file);
  let pin = salvagePin(options.file, loaded);
  const current = () => (loaded.status === 'ok' ? loaded.settings : null);

  /** null when the PIN opens the screen, else the refusal to send back. */
  function checkPin(given: unknown): { ok: false; reason: 'WRONG_PIN' | 'LOCKED'; retryInSec?: number } | null {
    if (!pin) return null;
    const locked = Math.ceil(guard.lockedForMs() / 1000);
    if (locked > 0) return { ok: false, reason: 'LOCKED', retryInSec: locked };
    // The screen first asks with no PIN to learn whether one is needed: not a guess.
    if (given === '') return { ok: false, reason: 'WRONG_PIN' };
    if (typeof given === 'string' && /^\d{4,8}$/.test(given) && verifyPin(given, pin)) {
      guard.recordSuccess();
      return null;
    }
    guard.recordFailure();
    const lockedNow = Math.ceil(guard.lockedForMs() / 1000);
    return lockedNow > 0 ? { ok: false, reason: 'LOCKED', retryInSec: lockedNow } : { ok: false, reason: 'WRONG_PIN' };
  }

  return {
    current,
    problems: () => (loaded.status === 'invalid' ? loaded.problems : []),
    get(given) {
      const refusal = checkPin(given);
      if (refusal) return refusal;
      const settings = current();
      return { ok: true, settings: settings ? toSettingsView(settings) : null, pinRequired: pin !== null };
    },
    save(given, input) {
      const refusal = checkPin(given);
      if (refusal) return refusal;
      const result = settingsFromInput(input, current());
      if (!result.ok) return { ok: false, reason: 'INVALID', problems: result.problems };
      saveSettingsFile(options.file, result.settings);
      loaded = { status: 'ok', settings: result.settings };
      pin = result.settings.adminPin;
      options.onSaved?.(result.settings);
      return { ok: true };
    },
    adoptPairedToken(token) {
      const settings = current();
      const parsed = deviceTokenSchema.safeParse(token);
      if (!settings || settings.token !== null || !parsed.success) return false;
      const updated = { ...settings, token: parsed.data };
      saveSettingsFile(options.file, updated);
      loaded = { status: 'ok', settings: updated };
      return true;
    },
  };
}
