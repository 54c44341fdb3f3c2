import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { http } from '../testing/http-client.js';

const INDEX = '<!doctype html><html><head><style>body{margin:0}</style></head><body>kiosk index</body></html>';
const SECRET = 'the contents of a file outside the web root';

/** Files served from web roots: what is sent, how it may be cached, and what a broken file does. */
describe('static files of the web roots', { timeout: 30_000 }, () => {
  let dir: string;
  let hub: TestHub;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-static-'));
    const kiosk = join(dir, 'kiosk');
    mkdirSync(join(kiosk, 'assets'), { recursive: true });
    mkdirSync(join(kiosk, 'voice/vi'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(kiosk, 'index.html'), INDEX);
    writeFileSync(join(kiosk, 'assets/index-CPbibmHF.js'), 'console.log(1)');
    writeFileSync(join(kiosk, 'voice/vi/so.ogg'), 'OggS clip');
    writeFileSync(join(kiosk, 'inside.txt'), 'inside');
    writeFileSync(join(dir, 'outside/secret.txt'), SECRET);
    // Links planted in a web root: one file and one folder pointing out, one pointing in.
    symlinkSync(join(dir, 'outside/secret.txt'), join(kiosk, 'leak.txt'));
    symlinkSync(join(dir, 'outside'), join(kiosk, 'out'));
    symlinkSync(join(kiosk, 'inside.txt'), join(kiosk, 'alias.txt'));
    // A FIFO: opening it for reading would block the hub's only thread without O_NONBLOCK.
    execFileSync('mkfifo', [join(kiosk, 'pipe.js')]);
    hub = await startTestHub({
      // /counter/... is served from /proc/self: `mem` is a regular file whose read fails with EIO.
      webRoots: { kiosk, counterDisplay: '/proc/self' },
      log: (message, error) => logs.push(`${message} ${error instanceof Error ? error.message : ''}`),
    });
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a read error while sending a file cuts that answer only; the hub keeps serving', async () => {
    const answer = await http(hub.url, 'GET', '/counter/mem').then(
      (response) => `answered ${response.status} with ${response.text.length} bytes`,
      (error: Error) => `cut: ${error.message}`,
    );
    // Headers may be out before the first read fails: the answer is cut short or empty, never a crash.
    expect(answer).toMatch(/^(cut|answered 200 with 0 bytes)/);
    await expect.poll(() => logs.some((line) => /reading .*mem failed EIO/.test(line))).toBe(true);
    expect((await http(hub.url, 'GET', '/api/health')).status).toBe(200);
    expect((await http(hub.url, 'GET', '/kiosk/inside.txt')).text).toBe('inside');
  });

  it('only content-hashed assets are immutable; clips and pages are revalidated with an ETag', async () => {
    const asset = await http(hub.url, 'GET', '/kiosk/assets/index-CPbibmHF.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const clip = await http(hub.url, 'GET', '/kiosk/voice/vi/so.ogg');
    expect(clip.status).toBe(200);
    expect(clip.headers['content-type']).toBe('audio/ogg');
    expect(clip.headers['cache-control']).toBe('no-cache');
    expect(clip.headers['last-modified']).toBeTruthy();
    const etag = clip.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    const again = await http(hub.url, 'GET', '/kiosk/voice/vi/so.ogg', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    // An updated clip is sent again at once: its ETag changed.
    writeFileSync(join(dir, 'kiosk/voice/vi/so.ogg'), 'OggS a newer, longer clip');
    const updated = await http(hub.url, 'GET', '/kiosk/voice/vi/so.ogg', { headers: { 'if-none-match': etag } });
    expect(updated.status).toBe(200);
    expect(updated.text).toBe('OggS a newer, longer clip');

    const page = await http(hub.url, 'GET', '/kiosk/');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toBe(INDEX);
  });

  it('does not follow a symlink out of the web root', async () => {
    for (const path of ['/kiosk/leak.txt', '/kiosk/out/secret.txt']) {
      const response = await http(hub.url, 'GET', path);
      expect(response.text, path).not.toContain(SECRET);
      // Served as any unknown path of a single-page app: its index page.
      expect(response.text, path).toBe(INDEX);
    }
    expect((await http(hub.url, 'GET', '/kiosk/alias.txt')).text).toBe('inside');
  });

  it('a FIFO in a web root is not opened for reading as a file', async () => {
    const response = await http(hub.url, 'GET', '/kiosk/pipe.js', { timeoutMs: 5_000 });
    expect(response.text).toBe(INDEX);
    expect((await http(hub.url, 'GET', '/api/health')).status).toBe(200);
  });
});
