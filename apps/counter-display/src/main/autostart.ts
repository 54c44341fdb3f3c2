import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type AutostartPlan =
  /** Windows and macOS: Electron's app.setLoginItemSettings. */
  | { kind: 'login-item'; openAtLogin: boolean; args: string[] }
  /** Linux: an XDG autostart entry; `content` null removes it. */
  | { kind: 'xdg'; file: string; content: string | null };

export interface AutostartInput {
  platform: NodeJS.Platform;
  enabled: boolean;
  execPath: string;
  args?: string[];
  homeDir: string;
  /** XDG_CONFIG_HOME when set. */
  configHome?: string;
}

export const XDG_FILE_NAME = 'layso-counter-display.desktop';

/**
 * How to start the shell when the screen's user session starts (the PC behind a TV
 * is switched on each morning and nobody clicks an icon). Electron's login items do
 * not exist on Linux, where desktop sessions read ~/.config/autostart instead.
 */
export function autostartPlan(input: AutostartInput): AutostartPlan {
  const args = input.args ?? [];
  if (input.platform === 'win32' || input.platform === 'darwin') return { kind: 'login-item', openAtLogin: input.enabled, args };
  const file = join(input.configHome ?? join(input.homeDir, '.config'), 'autostart', XDG_FILE_NAME);
  return { kind: 'xdg', file, content: input.enabled ? desktopEntry(input.execPath, args) : null };
}

/** Arguments quoted per the Desktop Entry spec, so a path with spaces still starts. */
export function desktopEntry(execPath: string, args: readonly string[]): string {
  const quote = (arg: string) => (/^[\w./:=-]+$/.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`);
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=layso – màn hình quầy',
    `Exec=${[execPath, ...args].map(quote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Carries out an XDG plan (login items are applied by the Electron glue). */
export function applyXdgAutostart(plan: Extract<AutostartPlan, { kind: 'xdg' }>): void {
  if (plan.content === null) {
    rmSync(plan.file, { force: true });
    return;
  }
  mkdirSync(dirname(plan.file), { recursive: true });
  writeFileSync(plan.file, plan.content);
}
