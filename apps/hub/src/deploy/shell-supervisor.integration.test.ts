import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERVISED_ENV } from '@layso/electron-shell';
import { loadBuilderConfig, repoPath } from '../testing/electron-builder-config.js';

// The OS supervision of the two Electron shells (docs/kiosk.md "Kept running"): the
// systemd user units and their install script, run for real into a staged root
// (`systemctl --root`), and the Windows watchdog task, checked as XML with a parser
// (no Windows and no PowerShell here).
const ELECTRON = fileURLToPath(new URL('../../deploy/electron/', import.meta.url));
const SCRIPT = join(ELECTRON, 'install-shell-supervisor.sh');
const SHELLS = ['kiosk', 'counter-display'] as const;

let root: string;
let app: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'layso-supervisor-'));
  // Stands in for the installed shell (the unit's ExecStart= must name an executable).
  app = join(root, 'layso-shell');
  writeFileSync(app, '#!/bin/sh\nexit 0\n');
  chmodSync(app, 0o755);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function supervisor(stage: string, ...args: string[]) {
  return spawnSync('bash', [SCRIPT, ...args], { env: { PATH: '/usr/bin:/bin', LAYSO_ROOT: stage }, encoding: 'utf8' });
}

/** systemd-analyze verify in user mode (as the user manager loads it), with a private runtime dir. */
function verifyUserUnit(file: string) {
  const runtime = mkdtempSync(join(root, 'runtime-'));
  const result = spawnSync('systemd-analyze', ['--user', 'verify', file], { env: { PATH: '/usr/bin:/bin', XDG_RUNTIME_DIR: runtime }, encoding: 'utf8' });
  // The back-off keys arrived in systemd 254; older ones (Debian 12: 252) ignore them, as documented in the unit.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line !== '' && !/Unknown key '(RestartSteps|RestartMaxDelaySec)' in section \[Service\], ignoring\.$/.test(line));
  return { status: result.status, stderr };
}

/** Python's XML parser (the Debian python3): the task file must be well-formed to register. */
function parseTaskXml(xml: string): Record<string, string> {
  const program = [
    'import sys, json, xml.etree.ElementTree as ET',
    'ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}',
    'root = ET.fromstring(sys.stdin.read())',
    'paths = ["t:Triggers/t:LogonTrigger/t:UserId", "t:Principals/t:Principal/t:UserId", "t:Principals/t:Principal/t:LogonType", "t:Principals/t:Principal/t:RunLevel", "t:Settings/t:MultipleInstancesPolicy", "t:Settings/t:ExecutionTimeLimit", "t:Settings/t:DisallowStartIfOnBatteries", "t:Settings/t:RestartOnFailure/t:Interval", "t:Settings/t:RestartOnFailure/t:Count", "t:Actions/t:Exec/t:Command", "t:Actions/t:Exec/t:Arguments", "t:RegistrationInfo/t:URI"]',
    'print(json.dumps({p.replace("t:", ""): root.find(p, ns).text for p in paths}))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', program], { input: xml, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, string>;
}

const xmlEscape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');

describe('systemd user units of the shells', () => {
  it.each(SHELLS)('layso-%s.service restarts the shell after any exit, never gives up, runs in the desktop session and tells the app it is supervised', (shell) => {
    const unit = readFileSync(join(ELECTRON, `layso-${shell}.service`), 'utf8');
    const lines = [
      'Restart=always',
      'RestartSec=2',
      'StartLimitIntervalSec=0',
      'RestartSteps=5',
      'RestartMaxDelaySec=60',
      `Environment=${SUPERVISED_ENV}=1`,
      `ExecStart=/usr/bin/layso-${shell}`,
      'PartOf=graphical-session.target',
      'WantedBy=graphical-session.target',
    ];
    for (const line of lines) expect(unit).toContain(`\n${line}\n`);
    // The shell has no "stop for maintenance" exit code, so none is exempted.
    expect(unit).not.toMatch(/^RestartPreventExitStatus=/m);
  });

  it.each(SHELLS)('install-shell-supervisor.sh %s installs a unit that passes systemd-analyze --user verify, and enables it for every user', (shell) => {
    const stage = join(root, `stage-${shell}`);
    const result = supervisor(stage, shell, app);
    expect(result.stderr.replace(/^(Created symlink|Unit .* is added as a dependency to a non-existent unit graphical-session\.target).*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
    const unitFile = join(stage, `etc/systemd/user/layso-${shell}.service`);
    expect(readFileSync(unitFile, 'utf8')).toContain(`\nExecStart=${app}\n`);
    expect(verifyUserUnit(unitFile)).toEqual({ status: 0, stderr: [] });
    // systemctl --global enable: every user's session pulls the unit in.
    expect(readlinkSync(join(stage, `etc/systemd/user/graphical-session.target.wants/layso-${shell}.service`))).toBe(`/etc/systemd/user/layso-${shell}.service`);
    // Desktops without graphical-session.target start it from XDG autostart, through the user's systemd.
    const autostart = readFileSync(join(stage, `etc/xdg/autostart/layso-${shell}.desktop`), 'utf8');
    expect(autostart).toContain(`exec systemctl --user start layso-${shell}.service"\n`);
    expect(autostart).toContain('import-environment DISPLAY WAYLAND_DISPLAY XAUTHORITY');
  });

  it('a shipped unit with its ExecStart pointed at a missing program fails systemd-analyze verify (the check is real)', () => {
    const file = join(root, 'layso-broken.service');
    writeFileSync(file, readFileSync(join(ELECTRON, 'layso-kiosk.service'), 'utf8').replace(/^ExecStart=.*$/m, `ExecStart=${join(root, 'missing')}`));
    const result = verifyUserUnit(file);
    expect(result.status).not.toBe(0);
    expect(result.stderr.join('\n')).toMatch(/is not executable/);
  });

  it('is idempotent, and --remove takes the unit, its link and the autostart entry away', () => {
    const stage = join(root, 'stage-again');
    expect(supervisor(stage, 'kiosk', app).status).toBe(0);
    expect(supervisor(stage, 'kiosk', app).status).toBe(0);
    const link = join(stage, 'etc/systemd/user/graphical-session.target.wants/layso-kiosk.service');
    expect(readlinkSync(link)).toBe('/etc/systemd/user/layso-kiosk.service');
    const removed = supervisor(stage, '--remove', 'kiosk');
    expect(removed.status).toBe(0);
    for (const file of [link, join(stage, 'etc/systemd/user/layso-kiosk.service'), join(stage, 'etc/xdg/autostart/layso-kiosk.desktop')]) expect(existsSync(file)).toBe(false);
  });

  it("removes a user's own autostart entry of the same name, which would start the app unsupervised beside the unit", () => {
    const stage = join(root, 'stage-home');
    const entry = join(stage, 'home/board/.config/autostart/layso-counter-display.desktop');
    const other = join(stage, 'home/board/.config/autostart/other-app.desktop');
    mkdirSync(join(stage, 'home/board/.config/autostart'), { recursive: true });
    writeFileSync(entry, '[Desktop Entry]\nExec=/usr/bin/layso-counter-display\n');
    writeFileSync(other, '[Desktop Entry]\nExec=/usr/bin/other\n');
    const result = supervisor(stage, 'counter-display', app);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`removed ${entry}`);
    expect(existsSync(entry)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it('refuses an unknown shell, a relative or missing program, and a path the unit cannot quote', () => {
    const stage = join(root, 'stage-refused');
    const spaced = join(root, 'with space');
    mkdirSync(spaced);
    writeFileSync(join(spaced, 'app'), '#!/bin/sh\n');
    chmodSync(join(spaced, 'app'), 0o755);
    const cases: [string[], RegExp][] = [
      [['hub', app], /usage:/],
      [['kiosk', 'layso-kiosk'], /must be absolute/],
      [['kiosk', join(root, 'missing')], /is not an executable file/],
      [['kiosk', join(spaced, 'app')], /without spaces/],
    ];
    for (const [args, message] of cases) {
      const result = supervisor(stage, ...args);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(join(stage, 'etc/systemd/user/layso-kiosk.service'))).toBe(false);
  });

  it('the kiosk deb runs it from the packaged resources, and both apps package the unit and the script', () => {
    const afterInstall = readFileSync(join(ELECTRON, 'kiosk-after-install.sh'), 'utf8');
    expect(afterInstall).toContain("bash '/opt/${sanitizedProductName}/resources/supervise/install-shell-supervisor.sh' kiosk '/usr/bin/${executable}'");
    expect(readFileSync(join(ELECTRON, 'kiosk-after-remove.sh'), 'utf8')).toContain('systemctl --global disable layso-kiosk.service');
    for (const shell of SHELLS) {
      const merged = loadBuilderConfig(repoPath('apps', shell)).merged as { linux: { extraResources: { from: string; to: string; filter: string[] }[] }; win: { extraResources: { from: string; to: string; filter: string[] }[] } };
      expect(merged.linux.extraResources).toEqual([{ from: '../hub/deploy/electron/', to: 'supervise', filter: ['install-shell-supervisor.sh', `layso-${shell}.service`] }]);
      expect(merged.win.extraResources).toEqual([{ from: '../hub/deploy/electron/windows/', to: 'supervise', filter: ['shell-watchdog.ps1', 'shell-watchdog-task.xml', 'register-shell-watchdog.ps1'] }]);
      for (const { from, filter } of [...merged.linux.extraResources, ...merged.win.extraResources]) {
        for (const file of filter) expect(existsSync(join(repoPath('apps', shell), from, file)), file).toBe(true);
      }
    }
  });
});

describe('Windows watchdog task of the shells', () => {
  const windows = join(ELECTRON, 'windows');
  const template = () => readFileSync(join(windows, 'shell-watchdog-task.xml'), 'utf8');
  const register = () => readFileSync(join(windows, 'register-shell-watchdog.ps1'), 'utf8');

  it('the task, filled in as register-shell-watchdog.ps1 does (escaped), is well-formed XML with the logon, user-session and restart settings', () => {
    const placeholders = [...new Set(template().match(/@[A-Z]+@/g))].sort();
    expect(placeholders).toEqual(['@EXE@', '@PRODUCT@', '@SHELL@', '@USER@', '@WATCHDOG@']);
    // The register script fills every placeholder of the template.
    for (const placeholder of placeholders) expect(register()).toContain(`Replace('${placeholder}', (& $escape`);
    const exe = 'C:\\Program Files\\layso Kiosk & Co\\layso-kiosk.exe';
    const watchdog = 'C:\\Program Files\\layso Kiosk & Co\\resources\\supervise\\shell-watchdog.ps1';
    const values: Record<string, string> = { '@EXE@': exe, '@PRODUCT@': 'layso Kiosk', '@SHELL@': 'kiosk', '@USER@': 'KIOSK-01\\kiosk', '@WATCHDOG@': watchdog };
    const filled = template().replace(/@[A-Z]+@/g, (placeholder) => xmlEscape(values[placeholder]!));
    expect(parseTaskXml(filled)).toEqual({
      'Triggers/LogonTrigger/UserId': 'KIOSK-01\\kiosk',
      'Principals/Principal/UserId': 'KIOSK-01\\kiosk',
      // "Run only when the user is logged on", in that user's desktop, without admin rights.
      'Principals/Principal/LogonType': 'InteractiveToken',
      'Principals/Principal/RunLevel': 'LeastPrivilege',
      'Settings/MultipleInstancesPolicy': 'IgnoreNew',
      'Settings/ExecutionTimeLimit': 'PT0S',
      'Settings/DisallowStartIfOnBatteries': 'false',
      'Settings/RestartOnFailure/Interval': 'PT1M',
      'Settings/RestartOnFailure/Count': '999',
      'Actions/Exec/Command': 'powershell.exe',
      'Actions/Exec/Arguments': `-NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -File "${watchdog}" -Exe "${exe}"`,
      'RegistrationInfo/URI': '\\layso\\layso-kiosk',
    });
  });

  it('an unescaped value breaks the XML: the parse above is a real check', () => {
    expect(() => parseTaskXml(template().replaceAll('@EXE@', 'C:\\a & b.exe'))).toThrow(/not well-formed/);
  });

  it('the watchdog marks the shell supervised, waits for its process and starts it again after 2 s, backing off to 60 s', () => {
    const script = readFileSync(join(windows, 'shell-watchdog.ps1'), 'utf8');
    expect(script).toContain(`$env:${SUPERVISED_ENV} = '1'`);
    expect(script).toMatch(/\[int\]\$RestartSeconds = 2,/);
    expect(script).toMatch(/\[int\]\$MaxDelaySeconds = 60,/);
    expect(script).toContain('$process = Start-Process -FilePath $Exe -PassThru');
    expect(script).toContain('$process.WaitForExit()');
    expect(script).toContain('Start-Sleep -Seconds $delay');
    // A shell started by hand holds the single-instance lock: wait for it instead of racing it.
    expect(script).toContain('$others | Wait-Process');
    expect(register()).toContain('Register-ScheduledTask -TaskName $taskName -TaskPath $taskPath -Xml $xml -Force');
  });
});
