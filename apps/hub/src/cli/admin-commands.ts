import { resolve } from 'node:path';
import { ADMIN_PASSWORD_MIN, adminUsernameSchema, DEFAULT_TIME_ZONE } from '@layso/shared';
import { createAdminAuthService } from '../admin-auth/admin-auth-module.js';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { restoreBackup, RestoreRefused } from '../backup/restore-backup.js';
import { DomainError } from '../queue/domain-error.js';
import { CliHelp, EX_USAGE, parseCommandArgs } from './cli-args.js';
import { CliError } from './cli-error.js';
import { ADMIN_USAGE, BACKUP_USAGE } from './usage.js';
import { openCliDatabase } from './open-cli-database.js';


/** The first line of stdin (a pipe or a typed line): passwords never go on the command line, where `ps` shows them. */
async function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu / password: ');
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) {
    text += chunk as string;
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]!.replace(/\r$/, '');
}

/**
 * `admin create --data DIR --user NAME` and `admin reset-password --data DIR --user NAME`,
 * password from stdin. Both work while the hub runs (SQLite WAL, like `token create`).
 */
export async function adminCommand(sub: string | undefined, args: string[]): Promise<string> {
  if (sub === '--help' || sub === '-h') throw new CliHelp(ADMIN_USAGE);
  if (sub !== 'create' && sub !== 'reset-password') throw new CliError(ADMIN_USAGE, EX_USAGE);
  const values = parseCommandArgs(`admin ${sub}`, ADMIN_USAGE, args, ['data', 'user']);
  if (!values.data) throw new CliError(`admin ${sub} needs --data DIR`);
  const username = adminUsernameSchema.safeParse(values.user ?? '');
  if (!username.success) throw new CliError(`admin ${sub} needs --user NAME (letters, digits, . _ - only)`);
  const password = await readPasswordLine();
  if (password.length < ADMIN_PASSWORD_MIN) throw new CliError(`the password must have at least ${ADMIN_PASSWORD_MIN} characters`);
  const db = await openCliDatabase(resolve(values.data));
  try {
    const admins = createAdminAuthService({ db, audit: new AuditLogStore(db), clock: { now: () => Date.now() }, timeZone: () => DEFAULT_TIME_ZONE });
    if (sub === 'reset-password') {
      if (!admins.listUsers().some((u) => u.username.toLowerCase() === username.data.toLowerCase())) throw new CliError(`no admin user "${username.data}" (use admin create)`);
    }
    try {
      await admins.setPasswordFromCli(username.data, password, { mustChange: false, createOnly: sub === 'create' });
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(error.message);
      throw error;
    }
    return sub === 'create' ? `admin user "${username.data}" created` : `password of "${username.data}" reset; its sessions ended and any lockout cleared`;
  } finally {
    db.close();
  }
}

/** `backup restore --data DIR --from FILE`, with the hub stopped (docs/admin-access.md). */
export function backupCommand(sub: string | undefined, args: string[]): string {
  if (sub === '--help' || sub === '-h') throw new CliHelp(BACKUP_USAGE);
  if (sub !== 'restore') throw new CliError(BACKUP_USAGE, EX_USAGE);
  const values = parseCommandArgs('backup restore', BACKUP_USAGE, args, ['data', 'from']);
  if (!values.data || !values.from) throw new CliError('backup restore needs --data DIR and --from FILE');
  try {
    const result = restoreBackup({ dataDir: resolve(values.data), from: resolve(values.from) });
    return [
      `restored ${resolve(values.from)} (schema ${result.schemaVersion}) into ${resolve(values.data)}`,
      result.movedAside ? `the database it replaced is now ${result.movedAside}` : 'there was no database before',
      'start the hub again',
    ].join('\n');
  } catch (error) {
    if (error instanceof RestoreRefused) throw new CliError(`refusing to restore: ${error.message}`);
    throw error;
  }
}
