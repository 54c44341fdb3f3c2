import { APP_ORIGIN } from './app-protocol.js';
import { IPC } from './ipc-channels.js';
import { originOf } from './navigation-guard.js';
import type { SaveResult } from './bridge-api.js';
import type { SettingsService } from './settings-service.js';
import type { ShellSettings } from './settings-schema.js';
import { z } from 'zod';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

export interface SettingsIpcDeps {
  service: Pick<SettingsService, 'status' | 'unlock' | 'save'>;
  onSaved(settings: ShellSettings): void;
  onClose(): void;
  /** The PIN was accepted: a board or door screen may now leave kiosk mode. */
  onUnlocked?(): void;
  log?: (message: string) => void;
}

const pinArg = z.string().max(16);
const saveArg = z.strictObject({ pin: z.string().max(16), settings: z.unknown(), newPin: z.string().max(16).optional() });

/**
 * Settings IPC. Only the shell's own settings page (layso://app) may call it: the
 * role pages come from the hub over the network, and a compromised hub must not be
 * able to rewrite a screen's settings, PIN or no PIN. Arguments are validated like
 * any other input from a renderer.
 */
export function registerSettingsIpc(ipc: IpcMainLike, deps: SettingsIpcDeps): void {
  const log = deps.log ?? (() => {});
  const trusted = (event: IpcEventLike, channel: string): boolean => {
    const ok = event.senderFrame !== null && originOf(event.senderFrame.url) === APP_ORIGIN;
    if (!ok) log(`refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
    return ok;
  };
  const refused = new Error('not allowed from this page');

  ipc.handle(IPC.settingsStatus, (event) => {
    if (!trusted(event, IPC.settingsStatus)) throw refused;
    return deps.service.status();
  });
  ipc.handle(IPC.settingsUnlock, (event, pin) => {
    if (!trusted(event, IPC.settingsUnlock)) throw refused;
    const parsed = pinArg.safeParse(pin);
    const result = deps.service.unlock(parsed.success ? parsed.data : '');
    if (result.ok) deps.onUnlocked?.();
    return result;
  });
  ipc.handle(IPC.settingsSave, (event, request): SaveResult => {
    if (!trusted(event, IPC.settingsSave)) throw refused;
    const parsed = saveArg.safeParse(request);
    if (!parsed.success) return { ok: false, reason: 'invalid', problems: [{ path: '', message: 'yêu cầu không hợp lệ' }] };
    const result = deps.service.save(parsed.data);
    if (result.ok) deps.onSaved(result.settings);
    return result;
  });
  ipc.on(IPC.settingsClose, (event) => {
    if (trusted(event, IPC.settingsClose)) deps.onClose();
  });
}
