import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveHubSettings, type ResolveInput } from './hub-settings.js';
import { makeSelfSignedCertificate } from '../testing/test-certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'layso-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settingsFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const resolveWith = (input: Partial<ResolveInput>) => resolveHubSettings({ flags: {}, env: {}, cwd: '/srv', ...input });
function problemsOf(input: Partial<ResolveInput>): string[] {
  const result = resolveWith(input);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.settings)}`);
  return result.problems;
}

describe('hub settings: file < environment < flags', () => {
  it('takes each setting from the strongest source that has it', () => {
    const file = settingsFile('hub.json', { port: 7000, host: '10.0.0.2', data: 'data', config: 'center.json' });
    const result = resolveWith({ flags: { settings: file, port: '9000' }, env: { LAYSO_PORT: '8000', LAYSO_HOST: '10.0.0.3' } });
    expect(result).toEqual({
      ok: true,
      // port from the flag, host from the environment, data and config from the file,
      // relative to the file's own folder.
      settings: { port: 9000, host: '10.0.0.3', dataDir: join(dir, 'data'), configFile: join(dir, 'center.json'), mdns: 'auto' },
    });
  });

  it('finds the settings file through LAYSO_SETTINGS; flags and variables resolve paths against the working folder', () => {
    const file = settingsFile('env-hub.json', { data: '/var/lib/layso' });
    expect(resolveWith({ env: { LAYSO_SETTINGS: file, LAYSO_CONFIG: 'center.json' } })).toMatchObject({
      ok: true,
      settings: { port: 8080, host: '0.0.0.0', dataDir: '/var/lib/layso', configFile: '/srv/center.json' },
    });
    expect(resolveWith({ flags: { data: 'd' } })).toMatchObject({ ok: true, settings: { dataDir: '/srv/d' } });
  });

  it('keeps PORT as the weakest spelling of the port, and the demo defaults', () => {
    expect(resolveWith({ flags: { data: '/d' }, env: { PORT: '8100' } })).toMatchObject({ settings: { port: 8100 } });
    expect(resolveWith({ flags: { data: '/d' }, env: { PORT: '8100', LAYSO_PORT: '8200' } })).toMatchObject({ settings: { port: 8200 } });
    expect(resolveWith({ demo: true })).toMatchObject({ ok: true, settings: { port: 8080, dataDir: '/srv/.data/demo' } });
  });

  it('reports every problem at once, each naming where the value came from', () => {
    const file = settingsFile('bad.json', { port: 'eighty', prot: 1, mdns: 'maybe' });
    const problems = problemsOf({ flags: { settings: file, host: 'two words' }, env: { LAYSO_PORTAL_PORT: '-1' } });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`the settings file .*bad\\.json has unknown settings: prot \\(known: port, host, `)),
      '--host must be an IP address or host name, got "two words"',
      'serve needs --data DIR (or LAYSO_DATA, or "data" in the settings file)',
      expect.stringMatching(/^LAYSO_PORTAL_PORT must be 0–65535, got "-1"$/),
      expect.stringMatching(/^LAYSO_PORTAL_PORT opens the portal's HTTPS listener, which needs --tls-cert and --tls-key/),
    ]);
    // A file with an unknown key is not used at all; without it, its own bad values are named with the file.
    const file2 = settingsFile('bad2.json', { port: 'eighty', mdns: 'maybe', data: '/d' });
    expect(problemsOf({ flags: { settings: file2, host: 'two words' } })).toEqual([
      `"port" in ${file2} must be 0–65535, got "eighty"`,
      '--host must be an IP address or host name, got "two words"',
      `"mdns" in ${file2} must be auto, on or off, got "maybe"`,
    ]);
  });

  it('refuses a port out of range the way the CLI always has', () => {
    expect(problemsOf({ flags: { data: '/d', port: '99999' } })).toEqual(['--port must be 0–65535, got "99999"']);
  });

  it('refuses an unreadable or malformed settings file', () => {
    expect(problemsOf({ flags: { settings: join(dir, 'missing.json'), data: '/d' } })[0]).toMatch(/cannot read the settings file .*missing\.json: ENOENT/);
    expect(problemsOf({ flags: { settings: settingsFile('broken.json', '{ port: 1'), data: '/d' } })[0]).toMatch(/cannot read the settings file .*broken\.json: .*JSON/);
  });

  it('needs both TLS files, readable, before it opens a portal listener', () => {
    expect(problemsOf({ flags: { data: '/d', 'tls-cert': join(dir, 'none.pem') } })).toEqual([
      expect.stringMatching(/^the TLS certificate .*none\.pem cannot be read: ENOENT$/),
      'HTTPS needs both a certificate and its key: the key is missing (--tls-key or LAYSO_TLS_KEY)',
    ]);
  });

  it('opens the LAN HTTPS listener from both LAN TLS files, on 8444 unless told, and refuses half a pair or a taken port', () => {
    const cert = makeSelfSignedCertificate(dir, 'lan');
    const result = resolveWith({ flags: { data: '/d' }, env: { LAYSO_LAN_TLS_CERT: cert.certFile, LAYSO_LAN_TLS_KEY: cert.keyFile } });
    expect(result).toMatchObject({ ok: true, settings: { lanHttps: { port: 8444, host: '0.0.0.0', tlsCert: cert.certFile, tlsKey: cert.keyFile } } });
    const plain = resolveWith({ flags: { data: '/d' } });
    expect(plain.ok && plain.settings.lanHttps).toBe(undefined);
    expect(problemsOf({ flags: { data: '/d', 'lan-tls-cert': cert.certFile } })).toEqual(['LAN HTTPS needs both a certificate and its key: the key is missing (--lan-tls-key or LAYSO_LAN_TLS_KEY)']);
    expect(problemsOf({ flags: { data: '/d', 'lan-https-port': '8444' } })).toEqual([expect.stringMatching(/^--lan-https-port opens the LAN's HTTPS listener/)]);
    expect(problemsOf({ flags: { data: '/d', port: '8444', 'lan-tls-cert': cert.certFile, 'lan-tls-key': cert.keyFile } })).toEqual([expect.stringMatching(/needs its own port: 8444/)]);
    expect(problemsOf({ flags: { data: '/d', 'lan-tls-cert': cert.certFile, 'lan-tls-key': cert.certFile } })).toEqual([expect.stringMatching(/^the LAN TLS certificate .* are not usable/)]);
  });
});
