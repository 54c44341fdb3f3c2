import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  /** node-postgres connection settings (unix socket in the temp folder). */
  connection: { host: string; port: number; user: string; database: string };
  stop(): void;
}

/**
 * A throwaway PostgreSQL 15 server (Debian's `postgresql` package) in a temp folder:
 * initdb, then pg_ctl start on a free port with its unix socket in the same folder.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  if (!existsSync(`${BIN}/postgres`)) throw new Error(`${BIN}/postgres is missing: apt-get install -y postgresql (scripts/install-test-deps.sh)`);
  const dir = mkdtempSync(join(tmpdir(), 'layso-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const data = join(dir, 'data');
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  run(`${BIN}/initdb`, ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c shared_buffers=32MB -c max_connections=40`;
  run(`${BIN}/pg_ctl`, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    connection: { host: dir, port, user, database: 'postgres' },
    stop() {
      const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, '-D', data, '-m', 'immediate', 'stop']] : [`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']];
      spawnSync(file, argv, { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on now (the kernel's pick), for a server a test starts later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
