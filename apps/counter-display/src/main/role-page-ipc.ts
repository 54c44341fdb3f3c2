import { IPC } from './ipc-channels.js';
import type { IpcEventLike, IpcMainLike } from './ipc-handlers.js';
import { originOf } from './navigation-guard.js';

export interface RolePageIpcDeps {
  /** Origins whose pages may ask: the shell's own pages and the configured hub's. */
  allowedOrigins(): string[];
  /** app.relaunch() + app.exit(): the admin's remote "restart app". */
  restart(): void;
  /** Keeps what pairing gave the page (SettingsService.adoptPairing) and reloads; false when refused. */
  adoptPairing(pairing: unknown): boolean;
  log?: (message: string) => void;
}

/**
 * The two calls a role page served by the hub may make. Unlike the settings calls
 * they are allowed from the hub's pages: a restart changes nothing stored, and a
 * pairing is taken only while the shell has no token at all.
 */
export function registerRolePageIpc(ipc: IpcMainLike, deps: RolePageIpcDeps): void {
  const allowed = (event: IpcEventLike, channel: string): void => {
    const origin = event.senderFrame ? originOf(event.senderFrame.url) : null;
    if (origin !== null && deps.allowedOrigins().includes(origin)) return;
    deps.log?.(`refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
    throw new Error('not allowed from this page');
  };
  ipc.handle(IPC.restartApp, (event) => {
    allowed(event, IPC.restartApp);
    deps.restart();
  });
  ipc.handle(IPC.savePairing, (event, pairing) => {
    allowed(event, IPC.savePairing);
    return deps.adoptPairing(pairing);
  });
}
