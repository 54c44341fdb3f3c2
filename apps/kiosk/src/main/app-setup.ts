import { lockDownApp, type MenuLike } from '@layso/electron-shell';

/**
 * App-wide kiosk behaviour: one instance, no application menu, started at login so
 * a power cut ends with the kiosk back on screen without anyone touching it.
 */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  quit(): void;
}

export type { MenuLike } from '@layso/electron-shell';

/** Returns false when another instance runs already (this one should exit). */
export function configureApp(app: AppLike, menu: MenuLike, options: { autoStart?: boolean } = {}): boolean {
  if (!lockDownApp(app, menu)) return false;
  app.setLoginItemSettings({ openAtLogin: options.autoStart ?? true, openAsHidden: false });
  return true;
}
