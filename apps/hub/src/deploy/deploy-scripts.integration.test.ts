import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODE } from './exit-codes.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const SHELL_SCRIPTS = ['linux/install.sh', 'linux/make-lan-cert.sh', 'electron/kiosk-after-install.sh', 'electron/kiosk-after-remove.sh', 'electron/install-shell-supervisor.sh'];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'layso-deploy-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A stand-in release: what install.sh looks at (the real bundle is tested in production-bundle). */
function fakeRelease(name: string, version: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'hub.mjs'), `// layso hub ${version}\n`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'layso-hub', version }, null, 2));
  cpSync(DEPLOY, join(dir, 'deploy'), { recursive: true });
  return dir;
}

function install(stage: string, release: string, extraEnv: Record<string, string> = {}): string {
  // The node install.sh finds on PATH is the one running these tests.
  const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, LAYSO_ROOT: stage, ...extraEnv };
  return execFileSync('bash', [join(release, 'deploy/linux/install.sh'), release], { env, encoding: 'utf8' });
}

describe('deploy scripts', () => {
  it.each(SHELL_SCRIPTS)('%s is valid bash', (script) => {
    expect(spawnSync('bash', ['-n', join(DEPLOY, script)]).status).toBe(0);
  });

  it('pass shellcheck', () => {
    const result = spawnSync('shellcheck', SHELL_SCRIPTS.map((s) => join(DEPLOY, s)), { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the systemd unit passes systemd-analyze verify', () => {
    const result = spawnSync('systemd-analyze', ['verify', join(DEPLOY, 'linux/layso.service')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the unit keeps the service up and its logs in the journal', () => {
    const unit = readFileSync(join(DEPLOY, 'linux/layso.service'), 'utf8');
    // Exit code DATA (the data needs a person) is never restarted in a loop.
    for (const line of ['Restart=always', 'User=layso', 'StateDirectory=layso', `RestartPreventExitStatus=${EXIT_CODE.DATA}`, 'StandardOutput=journal', 'WantedBy=multi-user.target']) {
      expect(unit).toContain(`\n${line}\n`);
    }
    expect(unit).toMatch(/\nExecStart=\/usr\/bin\/node \/opt\/layso\/hub\.mjs serve --settings \/etc\/layso\/hub\.json\n/);
  });

  it('install.sh stages a first install, and an upgrade keeps the settings and the previous release', () => {
    const stage = join(root, 'stage');
    const first = install(stage, fakeRelease('release-1', '0.1.0'));
    expect(first).toContain('(staged, not run) create system user layso');
    expect(first).toContain('(staged, not run) systemctl enable layso.service');
    expect(readFileSync(join(stage, 'opt/layso/hub.mjs'), 'utf8')).toContain('0.1.0');
    expect(readFileSync(join(stage, 'etc/systemd/system/layso.service'), 'utf8')).toContain(`ExecStart=${process.execPath} /opt/layso/hub.mjs serve --settings /etc/layso/hub.json`);
    expect(JSON.parse(readFileSync(join(stage, 'etc/layso/hub.json'), 'utf8'))).toMatchObject({ port: 8080, data: '/var/lib/layso' });
    expect(existsSync(join(stage, 'etc/layso/layso.env'))).toBe(true);
    expect(existsSync(join(stage, 'var/lib/layso'))).toBe(true);

    // The administrator's settings survive the next release's install.
    writeFileSync(join(stage, 'etc/layso/hub.json'), JSON.stringify({ port: 80, data: '/var/lib/layso' }));
    const second = install(stage, fakeRelease('release-2', '0.2.0'));
    expect(second).toContain(`kept ${join(stage, 'etc/layso/hub.json')}`);
    expect(JSON.parse(readFileSync(join(stage, 'etc/layso/hub.json'), 'utf8'))).toEqual({ port: 80, data: '/var/lib/layso' });
    expect(readFileSync(join(stage, 'opt/layso/hub.mjs'), 'utf8')).toContain('0.2.0');
    expect(readFileSync(join(stage, 'opt/layso.previous/hub.mjs'), 'utf8')).toContain('0.1.0');

    // Running it again with the same release is harmless.
    install(stage, fakeRelease('release-2b', '0.2.0'));
    expect(readFileSync(join(stage, 'opt/layso/hub.mjs'), 'utf8')).toContain('0.2.0');
  });

  it('install.sh makes the LAN certificate when asked (LAYSO_LAN_HTTPS), and keeps the center CA on a rerun', () => {
    const stage = join(root, 'stage-lan');
    const release = fakeRelease('release-lan', '1.0.0');
    const first = install(stage, release, { LAYSO_LAN_HTTPS: '192.168.1.10 hub.local' });
    const ca = readFileSync(join(stage, 'etc/layso/lan-tls/ca.crt'), 'utf8');
    expect(first).toContain('Center CA fingerprint');
    expect(existsSync(join(stage, 'etc/layso/lan-tls/hub.key'))).toBe(true);
    const second = install(stage, release, { LAYSO_LAN_HTTPS: '192.168.1.10' });
    expect(second).toContain('keeping the center CA');
    expect(readFileSync(join(stage, 'etc/layso/lan-tls/ca.crt'), 'utf8')).toBe(ca);
    expect(install(join(root, 'stage-plain'), release)).not.toContain('Center CA');
  });

  it('install.sh refuses a folder that is not a release', () => {
    const result = spawnSync('bash', [join(DEPLOY, 'linux/install.sh'), root], { env: { PATH: process.env.PATH ?? '', LAYSO_ROOT: join(root, 'x') }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is not a hub release \(no hub\.mjs\)/);
  });

  it('the nginx example passes nginx -t', () => {
    const dir = mkdtempSync(join(root, 'nginx-'));
    mkdirSync(join(dir, 'tls'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=t', '-keyout', join(dir, 'tls/privkey.pem'), '-out', join(dir, 'tls/fullchain.pem')], { stdio: 'ignore' });
    // The example as shipped, with its certificate paths and port moved into the test folder.
    const site = readFileSync(join(DEPLOY, 'nginx/layso-portal.conf'), 'utf8')
      .replaceAll('/etc/layso/tls/', `${dir}/tls/`)
      .replace('listen 443 ssl;', 'listen 127.0.0.1:18443 ssl;')
      .replace(/^\s*listen \[::\]:443 ssl;$/m, '');
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; include ${dir}/site.conf; }\n`);
    const result = spawnSync('nginx', ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
    expect(result.stderr).toMatch(/test is successful/);
    expect(result.status).toBe(0);
  });

  it('the Windows script runs node hub.mjs under NSSM with the same restart policy', () => {
    const script = readFileSync(join(DEPLOY, 'windows/install-service.ps1'), 'utf8');
    expect(script).toContain('serve --settings');
    expect(script).toMatch(/AppExit Default Restart/);
    expect(script).toContain(`AppExit ${EXIT_CODE.DATA} Exit`);
    expect(script).toMatch(/AppRotateFiles 1/);
  });
});
