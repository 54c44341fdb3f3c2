import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backupListResponseSchema } from '@layso/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHub } from '../app/create-hub.js';
import { loadMigrations } from '../store/migrate.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { readTickets } from '../testing/db-snapshot.js';
import { FakeClock, vnTime } from '../testing/fake-clock.js';
import { makeTempDir, startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { runCli } from '../testing/spawn-hub.js';
import { restoreBackup, RestoreRefused } from './restore-backup.js';

let t: TestHub;
let scratch: string;

beforeAll(() => {
  scratch = makeTempDir('backup');
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  expect(t.logs).toEqual([]);
  await t.stop();
});

/** GET /api/admin/backup as bytes (the test http client decodes text). */
async function download(token: string): Promise<{ fileName: string; data: Buffer }> {
  const response = await fetch(`${t.url}/api/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const disposition = response.headers.get('content-disposition') ?? '';
  return { fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? '', data: Buffer.from(await response.arrayBuffer()) };
}

/** Integrity and per-service numbering of a backup file: every ticket 1..n present, sequences agree. */
function inspect(file: string): { integrity: string; tickets: number; gapFree: boolean } {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const perPrefix = db.prepare('SELECT prefix, COUNT(*) AS n, MAX(seq) AS top FROM tickets GROUP BY prefix').all() as { prefix: string; n: number; top: number }[];
    const sequences = new Map((db.prepare('SELECT prefix, last_seq FROM sequences').all() as { prefix: string; last_seq: number }[]).map((s) => [s.prefix, s.last_seq]));
    const gapFree = perPrefix.every((p) => p.n === p.top && sequences.get(p.prefix) === p.top);
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    return { integrity, tickets, gapFree };
  } finally {
    db.close();
  }
}

/** Download copies (and their partial files) still in the data folder: each is removed once its response has ended. */
const copiesLeft = () => readdirSync(t.dataDir).filter((f) => f.includes('download') || f.endsWith('.partial'));
async function untilNoCopyLeft(): Promise<void> {
  for (let i = 0; i < 500 && copiesLeft().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(copiesLeft()).toEqual([]);
}

let files = 0;
function save(data: Buffer): string {
  const file = join(scratch, `download-${++files}.sqlite`);
  writeFileSync(file, data);
  return file;
}

describe('GET /api/admin/backup', () => {
  it('is a consistent copy even while tickets are being issued', async () => {
    t = await startTestHub({ config: smallCenter(), clock: new FakeClock() });
    let issuing = true;
    let issued = 0;
    const kiosk = (async () => {
      while (issuing) {
        const batch = await Promise.all(['tu-phap', 'visa', 'tu-phap'].map((s) => t.issue(s)));
        for (const r of batch) expect(r.status, r.text).toBe(201);
        issued += batch.length;
      }
    })();
    const downloads = [];
    for (let i = 0; i < 4; i++) downloads.push(await download(t.tokens.admin));
    issuing = false;
    await kiosk;

    expect(downloads[0]!.fileName).toBe('layso-20261123-0800.sqlite');
    for (const { data } of downloads) {
      const result = inspect(save(data));
      expect(result.integrity).toBe('ok');
      expect(result.gapFree).toBe(true);
      expect(result.tickets).toBeLessThanOrEqual(issued);
    }
    expect(issued).toBeGreaterThan(0);
    // No temp file is left in the data folder.
    await untilNoCopyLeft();
    const audit = t.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'backup.download'").get() as { n: number };
    expect(audit.n).toBe(4);
  });
});

describe('GET /api/admin/backup of a large database', () => {
  beforeEach(async () => {
    t = await startTestHub({ config: smallCenter(), clock: new FakeClock() });
    for (let i = 0; i < 3; i++) expect((await t.issue('tu-phap')).status).toBe(201);
    // ~12 MB of history stand-in: far more than one socket buffer, so the reply is sent in many chunks.
    t.db.exec('CREATE TABLE filler (b BLOB)');
    t.db.exec('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 192) INSERT INTO filler SELECT randomblob(65536) FROM n');
  });

  it('streams the whole consistent copy with its Content-Length, then removes the temp file', async () => {
    // The admin token's "last seen" is written on first use (then at most once a minute): before the reference copy.
    expect((await t.request('GET', '/api/admin/backups', { token: t.tokens.admin })).status).toBe(200);
    const reference = join(scratch, 'large-reference.sqlite');
    await t.db.backup(reference);
    expect(inspect(reference)).toMatchObject({ integrity: 'ok', tickets: 3 });

    const response = await fetch(`${t.url}/api/admin/backup`, { headers: { authorization: `Bearer ${t.tokens.admin}` } });
    expect(response.status).toBe(200);
    const data = Buffer.from(await response.arrayBuffer());
    expect(data.length).toBeGreaterThan(12 * 1024 * 1024);
    expect(Number(response.headers.get('content-length'))).toBe(data.length);
    expect(data.equals(readFileSync(reference))).toBe(true);
    expect(inspect(save(data))).toMatchObject({ integrity: 'ok', tickets: 3, gapFree: true });
    await untilNoCopyLeft();
  });

  it('removes the temp file when the client hangs up mid-download, and logs nothing', async () => {
    const { received, length } = await new Promise<{ received: number; length: number }>((resolve, reject) => {
      const request = get(`${t.url}/api/admin/backup`, { headers: { authorization: `Bearer ${t.tokens.admin}` } }, (response) => {
        response.once('data', (chunk: Buffer) => {
          request.destroy();
          resolve({ received: chunk.length, length: Number(response.headers['content-length']) });
        });
      });
      request.on('error', (error) => {
        if (!request.destroyed) reject(error);
      });
    });
    expect(received).toBeLessThan(length);
    await untilNoCopyLeft();
    // The hub carries on: the next download is whole.
    const again = await download(t.tokens.admin);
    expect(again.data.length).toBe(length);
    expect(inspect(save(again.data)).integrity).toBe('ok');
    await untilNoCopyLeft();
  });

  it('removes the copy when the client hangs up while it is still being made, and logs nothing', async () => {
    const request = get(`${t.url}/api/admin/backup`, { headers: { authorization: `Bearer ${t.tokens.admin}` } });
    request.on('error', () => {}); // the hang-up below
    let answered = false;
    request.on('response', () => (answered = true));
    // Hang up as soon as the copy appears in the data folder (the hub is then making it).
    for (let i = 0; i < 500 && copiesLeft().length === 0 && !answered; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    request.destroy();
    await untilNoCopyLeft();
    expect((await download(t.tokens.admin)).data.length).toBeGreaterThan(12 * 1024 * 1024);
    await untilNoCopyLeft();
  });
});

describe('nightly backup', () => {
  it('is written at the configured hour (center time), listed, and old ones are deleted', async () => {
    const clock = new FakeClock(vnTime('2026-11-23 01:58'));
    t = await startTestHub({ config: smallCenter(), clock, tickMs: 20 });
    const dir = join(t.dataDir, 'backups', 'nightly');
    mkdirSync(dir, { recursive: true });
    // Kept 14 days by default: 01/11 is too old, 20/11 stays; another file is left alone.
    for (const name of ['layso-2026-11-01.sqlite', 'layso-2026-11-20.sqlite', 'notes.txt']) writeFileSync(join(dir, name), 'old');
    // Before the hour (and, at 02:00, within 5 minutes of the start): nothing yet.
    await t.backup.nightly.check();
    clock.set(vnTime('2026-11-23 02:00'));
    await t.backup.nightly.check();
    expect(readdirSync(dir).sort()).toEqual(['layso-2026-11-01.sqlite', 'layso-2026-11-20.sqlite', 'notes.txt']);

    clock.set(vnTime('2026-11-23 02:05'));
    // The hub's own tick takes it; wait for the file rather than for a fixed time.
    const target = join(dir, 'layso-2026-11-23.sqlite');
    for (let i = 0; i < 500 && !existsSync(target); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await t.backup.nightly.idle();
    expect(readdirSync(dir).sort()).toEqual(['layso-2026-11-20.sqlite', 'layso-2026-11-23.sqlite', 'notes.txt']);
    expect(inspect(target).integrity).toBe('ok');

    const listed = backupListResponseSchema.parse((await t.request('GET', '/api/admin/backups', { token: t.tokens.admin })).body);
    expect(listed.backups.map((b) => b.fileName)).toEqual(['layso-2026-11-23.sqlite', 'layso-2026-11-20.sqlite']);
    expect(listed).toMatchObject({ hour: 2, keepDays: 14 });
    expect(listed.backups[0]!.sizeBytes).toBe(readFileSync(target).length);
  });
});

describe('restore', () => {
  it('download, issue more, stop, restore with the CLI, start: exactly the first tickets, numbering continues', async () => {
    const clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    for (let i = 0; i < 3; i++) expect((await t.issue('tu-phap')).status).toBe(201);
    const backup = save((await download(t.tokens.admin)).data);
    for (let i = 0; i < 2; i++) expect((await t.issue('tu-phap')).status).toBe(201);
    expect(readTickets(t.dataDir).map((x) => x.number)).toEqual(['60001', '60002', '60003', '60004', '60005']);
    await t.close();

    const result = await runCli(['backup', 'restore', '--data', t.dataDir, '--from', backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/restored .* \(schema \d+\)/);
    const aside = readdirSync(join(t.dataDir, 'backups')).filter((f) => /^before-restore-.*\.sqlite$/.test(f));
    expect(aside).toHaveLength(1);
    expect(inspect(join(t.dataDir, 'backups', aside[0]!)).tickets).toBe(5);

    expect(readTickets(t.dataDir).map((x) => x.number)).toEqual(['60001', '60002', '60003']);
    // Informational lines of a restart are fine; errors are not.
    const restartLogs: string[] = [];
    const again = await startHub({ dataDir: t.dataDir, port: 0, host: '127.0.0.1', config: smallCenter(), clock, log: (m) => restartLogs.push(m) });
    try {
      const issued = await fetch(`${again.url}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.kiosk}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'tu-phap', requestId: 'after-restore-1' }),
      });
      expect(issued.status).toBe(201);
      expect(((await issued.json()) as { number: string }).number).toBe('60004');
    } finally {
      await again.close();
    }
    expect(restartLogs.filter((m) => /unexpected|fail/i.test(m))).toEqual([]);
  });

  it('refuses files that are not a sound layso database of this release or older, leaving the data untouched', async () => {
    t = await startTestHub({ config: smallCenter(), clock: new FakeClock() });
    const good = save((await download(t.tokens.admin)).data);
    await t.close();
    const current = readFileSync(join(t.dataDir, DATABASE_FILE));

    const garbage = join(scratch, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database at all, just text that is long enough to look like a file');
    const other = join(scratch, 'other.sqlite');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE notes (x TEXT)');
    otherDb.close();
    const newer = join(scratch, 'newer.sqlite');
    writeFileSync(newer, readFileSync(good));
    const newerDb = new Database(newer);
    newerDb.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(loadMigrations().length + 1, '999-future.sql', 0);
    newerDb.close();
    const truncated = join(scratch, 'truncated.sqlite');
    writeFileSync(truncated, readFileSync(good).subarray(0, 8192));

    const cases: [string, RegExp][] = [
      [join(scratch, 'missing.sqlite'), /no such file/],
      [garbage, /not (a readable|an) SQLite database/],
      [other, /not a layso database/],
      [newer, /newer than this release/],
      [truncated, /damaged|not (a readable|an) SQLite database|not a layso database/],
    ];
    for (const [file, message] of cases) {
      expect(() => restoreBackup({ dataDir: t.dataDir, from: file }), file).toThrow(RestoreRefused);
      expect(() => restoreBackup({ dataDir: t.dataDir, from: file }), file).toThrow(message);
    }
    const cli = await runCli(['backup', 'restore', '--data', t.dataDir, '--from', other]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/refusing to restore: .*not a layso database/);
    expect(readFileSync(join(t.dataDir, DATABASE_FILE)).equals(current)).toBe(true);
    expect(existsSync(join(t.dataDir, 'backups')) ? readdirSync(join(t.dataDir, 'backups')).filter((f) => f.startsWith('before-restore')) : []).toEqual([]);
  });
});
