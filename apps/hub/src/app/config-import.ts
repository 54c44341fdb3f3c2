import { createHash } from 'node:crypto';
import type { CenterConfig } from '@layso/shared';
import type { QueueCore } from '../queue/queue-core.js';
import type { SqliteQueueStore } from '../store/sqlite-queue-store.js';

/** meta key: fingerprint of the config file imported last. */
const CONFIG_IMPORT_META = 'config_import_sha256';

function configFingerprint(config: CenterConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}

/**
 * A config file given at start is imported when it is new or changed since the last
 * import; an unchanged file does not undo what the administrator changed in the console.
 * `hadStoredConfig`: the database held a configuration before the core was built (a
 * first start takes the file as its configuration already).
 */
export function importConfigFile(deps: { core: QueueCore; store: SqliteQueueStore; config: CenterConfig; hadStoredConfig: boolean; log(message: string): void }): void {
  const { core, store, config, log } = deps;
  const fingerprint = configFingerprint(config);
  if (store.getMeta(CONFIG_IMPORT_META) === fingerprint) {
    log('config file unchanged since its last import: keeping the stored configuration with the console\'s changes');
    return;
  }
  if (deps.hadStoredConfig) {
    core.replaceConfig(config);
    log('center configuration imported from the config file (it changed since the last import)');
  }
  store.transaction(() => store.setMeta(CONFIG_IMPORT_META, fingerprint));
}
