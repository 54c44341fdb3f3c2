import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Lints `code` as if it were a file of http/, with the repository's own config. */
async function restrictedImports(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}apps/hub/src/http/probe.ts` });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

/** Every feature folder of the hub (HUB_FEATURES in eslint.config.js). */
const FEATURES = ['devices', 'admin-auth', 'admin-config', 'notify', 'portal', 'rating', 'reports', 'backup', 'audit', 'central', 'queue-api', 'voice'];

describe('http/ knows no feature (eslint.config.js)', () => {
  it('refuses SQLite, the store, the wiring and every feature folder', async () => {
    const refused = await restrictedImports(
      [
        "import Database from 'better-sqlite3';",
        "import { openDatabase } from '../store/open-database.js';",
        "import { startHub } from '../app/create-hub.js';",
        ...FEATURES.map((feature, i) => `import * as f${i} from '../${feature}/x.js';`),
        'export const used = [Database, openDatabase, startHub];',
      ].join('\n'),
    );
    // One refusal per import line: SQLite, the store, the wiring, then each feature; all by the http zone.
    expect(refused).toHaveLength(3 + FEATURES.length);
    for (const message of refused) expect(message).toContain('http/ is the framework');
  }, 60_000);

  it('lets the framework import itself, the core and the contract', async () => {
    const refused = await restrictedImports(
      [
        "import { ErrorCode } from '@layso/shared';",
        "import { DomainError } from '../queue/domain-error.js';",
        "import { route } from './router.js';",
        "import type { Device } from '../auth/caller.js';",
        "import type { QueueEvent } from '../queue/queue-core.js';",
        'export const used = [ErrorCode, DomainError, route];',
        'export type Used = [Device, QueueEvent];',
      ].join('\n'),
    );
    expect(refused).toEqual([]);
  }, 60_000);
});
