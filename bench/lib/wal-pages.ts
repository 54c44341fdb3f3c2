import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startHub } from '../../apps/hub/src/app/create-hub.js';
import { DATABASE_FILE } from '../../apps/hub/src/store/open-database.js';
import { freshDir } from './paths.js';
import { openRawDatabase } from './sqlite.js';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * How many pages one durable commit appends to the WAL: for the hub's ticket issue
 * (batches of 1, 8, 16 tickets, through the hub's own queue core, in this process)
 * and for the bare single-row insert. Each commit's fsync carries that many pages.
 */
export async function walPagesPerCommit(batches: readonly number[] = [1, 8, 16], commits = 60): Promise<{ hub: Map<number, number>; bare: number; pageSize: number }> {
  const dir = freshDir('issue', 'wal-pages');
  const hub = await startHub({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => {} });
  const wal = join(dir, `${DATABASE_FILE}-wal`);
  const pageSize = Number(hub.db.pragma('page_size', { simple: true }));
  const frames = () => (statSync(wal).size - WAL_HEADER) / (pageSize + FRAME_HEADER);
  const result = new Map<number, number>();
  try {
    const services = hub.core.config.areas.flatMap((a) => a.services.map((s) => s.id));
    let n = 0;
    const issue = () => hub.core.issue({ serviceId: services[n % services.length]!, requestId: `wal-pages-${n++}`, deviceId: 1 });
    for (let i = 0; i < 200; i++) hub.core.inOneCommit(issue);
    for (const batch of batches) {
      hub.db.pragma('wal_checkpoint(TRUNCATE)');
      hub.db.pragma('wal_autocheckpoint = 0');
      for (let c = 0; c < commits; c++) hub.core.inOneCommit(() => Array.from({ length: batch }, issue));
      result.set(batch, frames() / commits);
      hub.db.pragma('wal_autocheckpoint = 1000');
    }
  } finally {
    await hub.close();
  }
  const db = openRawDatabase(join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, number TEXT NOT NULL, service_id TEXT NOT NULL, issued_at INTEGER NOT NULL)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const insert = db.prepare('INSERT INTO t (day, number, service_id, issued_at) VALUES (?, ?, ?, ?)');
    for (let c = 0; c < commits; c++) db.transaction(() => insert.run('2026-11-22', '86001', 'cong-an-xnc', Date.now()))();
    const bare = (statSync(join(dir, 'bare.db-wal')).size - WAL_HEADER) / (pageSize + FRAME_HEADER) / commits;
    return { hub: result, bare, pageSize };
  } finally {
    db.close();
  }
}
