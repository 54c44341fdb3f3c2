import { readdirSync, readFileSync } from 'node:fs';

// Node-only (reads the file system): its own export subpath so no renderer bundle pulls it in.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `NNN-name.sql` files in version order; a gap or duplicate version is a packaging bug. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: readFileSync(`${dir}/${file}`, 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected version ${i + 1})`);
  });
  return migrations;
}
