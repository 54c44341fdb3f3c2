/**
 * The shells' small JSON files in userData (settings, the PIN lock): read without
 * throwing, each way a file can be unusable told apart (the apps word it for the log
 * or the settings screen), and written atomically, readable by the user only, since a
 * settings file holds the device token.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './write-file-atomic.js';

export type JsonFileRead =
  | { status: 'ok'; json: unknown }
  /** No such file: a first start. */
  | { status: 'missing' }
  /** It exists but cannot be read (permissions, a directory, I/O error). */
  | { status: 'unreadable'; message: string }
  | { status: 'not-json' };

export function readJsonFile(path: string): JsonFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'unreadable', message: (error as Error).message };
  }
  try {
    return { status: 'ok', json: JSON.parse(text) as unknown };
  } catch {
    return { status: 'not-json' };
  }
}

/** Pretty-printed with a final newline (an admin may read it), temp file + rename, mode 0600. */
export function writeJsonFileAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
