import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { HUB_VERSION } from '../app/hub-version.js';
import { DatabaseNeedsAttentionError, openHubDatabase } from '../deploy/open-hub-database.js';
import { EXIT_CODE } from '../deploy/exit-codes.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { CliError } from './cli-error.js';

/**
 * The same opening as the hub's: a CLI command run right after installing a new
 * release upgrades the schema, so it takes the backup first as the hub would.
 */
export async function openCliDatabase(dataDir: string): Promise<Database.Database> {
  try {
    return (await openHubDatabase({ file: join(dataDir, DATABASE_FILE), version: HUB_VERSION, backupDir: join(dataDir, 'backups') })).db;
  } catch (error) {
    throw new CliError((error as Error).message, error instanceof DatabaseNeedsAttentionError ? EXIT_CODE.DATA : EXIT_CODE.FAILURE);
  }
}
