import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyXdgAutostart, autostartPlan } from './autostart.js';

describe('autostart', () => {
  it('uses login items on Windows and macOS', () => {
    expect(autostartPlan({ platform: 'win32', enabled: true, execPath: 'C:\\layso\\layso.exe', homeDir: 'C:\\Users\\hcc' })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
      args: [],
    });
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const home = mkdtempSync(join(tmpdir(), 'layso-home-'));
    try {
      const on = autostartPlan({ platform: 'linux', enabled: true, execPath: '/opt/layso display/layso', args: ['--no-sandbox'], homeDir: home });
      expect(on.kind).toBe('xdg');
      if (on.kind !== 'xdg') return;
      expect(on.file).toBe(join(home, '.config', 'autostart', 'layso-counter-display.desktop'));
      applyXdgAutostart(on);
      const entry = readFileSync(on.file, 'utf8');
      expect(entry).toContain('Exec="/opt/layso display/layso" --no-sandbox');
      expect(entry).toContain('Type=Application');
      const off = autostartPlan({ platform: 'linux', enabled: false, execPath: '/opt/layso', homeDir: home });
      if (off.kind === 'xdg') applyXdgAutostart(off);
      expect(existsSync(on.file)).toBe(false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('honours XDG_CONFIG_HOME', () => {
    const plan = autostartPlan({ platform: 'linux', enabled: true, execPath: '/opt/layso', homeDir: '/home/a', configHome: '/cfg' });
    expect(plan.kind === 'xdg' && plan.file).toBe('/cfg/autostart/layso-counter-display.desktop');
  });
});
