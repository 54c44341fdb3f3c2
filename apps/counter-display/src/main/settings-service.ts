import { createPinLock, hashPin, verifyPin, type PinLock } from '@layso/electron-shell';
import { readSettingsFile, writeSettingsFile } from './settings-file.js';
import { z } from 'zod';
import type { SaveRequest, SaveResult, SettingsStatus, UnlockResult } from './bridge-api.js';
import { parseShellSettings, pinSchema, SHELL_ROLES, type FieldProblem, type ShellSettings } from './settings-schema.js';

const pairingArg = z.object({ token: z.string().max(256), screen: z.enum(SHELL_ROLES), counter: z.number().int().min(1).max(999).nullable() });

/**
 * The settings screen's back end, behind the PIN: every IPC call from the settings
 * page ends here, and nothing reaches the file without passing the zod schema.
 */
export class SettingsService {
  private readonly attempts: PinLock;

  constructor(
    private readonly path: string,
    options: { maxFailures?: number; lockMs?: number; now?: () => number; lock?: PinLock } = {},
  ) {
    // The wrong-PIN lock shared with the kiosk; main.ts gives it a file in userData and the hub report.
    this.attempts = options.lock ?? createPinLock({ maxFailures: options.maxFailures, baseLockMs: options.lockMs, now: options.now });
  }

  /** The usable settings, or null when the shell still needs to be set up. */
  current(): ShellSettings | null {
    return readSettingsFile(this.path).settings;
  }

  status(): SettingsStatus {
    const stored = readSettingsFile(this.path);
    return { configured: stored.settings !== null, hasPin: stored.pin !== null, problems: stored.problems };
  }

  unlock(pin: string): UnlockResult {
    const stored = readSettingsFile(this.path);
    const check = this.checkPin(pin, stored.pin);
    return check === true ? { ok: true, settings: stored.settings } : check;
  }

  save(request: SaveRequest): SaveResult {
    const stored = readSettingsFile(this.path);
    const check = this.checkPin(typeof request.pin === 'string' ? request.pin : '', stored.pin);
    if (check !== true) return check;
    const problems: FieldProblem[] = [];
    const parsed = parseShellSettings(request.settings);
    if (!parsed.ok) problems.push(...parsed.problems);
    let pin = stored.pin;
    if (request.newPin !== undefined && request.newPin !== '') {
      const newPin = pinSchema.safeParse(request.newPin);
      if (newPin.success) pin = hashPin(newPin.data);
      else problems.push({ path: 'newPin', message: newPin.error.issues[0]?.message ?? 'mã PIN không hợp lệ' });
    } else if (pin === null) {
      problems.push({ path: 'newPin', message: 'hãy đặt mã PIN để bảo vệ trang cài đặt' });
    }
    if (problems.length > 0 || !parsed.ok || pin === null) return { ok: false, reason: 'invalid', problems };
    writeSettingsFile(this.path, { settings: parsed.settings, pin });
    return { ok: true, settings: parsed.settings };
  }

  /**
   * What the role page received by pairing: the token, and the screen and counter the
   * admin chose. Taken only while the shell has no token (first start, or after the
   * technician blanked it), so a hub page can never replace a token someone entered.
   * Returns the new settings, or null when refused.
   */
  adoptPairing(pairing: unknown): ShellSettings | null {
    const stored = readSettingsFile(this.path);
    const parsedPairing = pairingArg.safeParse(pairing);
    if (!stored.settings || stored.settings.token !== undefined || stored.pin === null || !parsedPairing.success) return null;
    const { token, screen, counter } = parsedPairing.data;
    const { counter: _previous, ...rest } = stored.settings;
    const next = parseShellSettings({ ...rest, token, role: screen, ...(counter === null ? {} : { counter }) });
    if (!next.ok) return null;
    writeSettingsFile(this.path, { settings: next.settings, pin: stored.pin });
    return next.settings;
  }

  private checkPin(pin: string, stored: ReturnType<typeof readSettingsFile>['pin']): true | { ok: false; reason: 'wrong-pin' } | { ok: false; reason: 'locked'; retryInMs: number } {
    // First start: nothing to protect yet.
    if (stored === null) return true;
    const lockedFor = this.attempts.lockedForMs();
    if (lockedFor > 0) return { ok: false, reason: 'locked', retryInMs: lockedFor };
    if (typeof pin === 'string' && verifyPin(pin, stored)) {
      this.attempts.recordSuccess();
      return true;
    }
    this.attempts.recordFailure();
    const nowLocked = this.attempts.lockedForMs();
    return nowLocked > 0 ? { ok: false, reason: 'locked', retryInMs: nowLocked } : { ok: false, reason: 'wrong-pin' };
  }
}
