import { join, resolve } from 'node:path';
import { ROLES, type Role } from '@layso/shared';
import { startHub } from '../app/create-hub.js';
import { resolveHubSettings } from '../deploy/hub-settings.js';
import { DatabaseNeedsAttentionError } from '../deploy/open-hub-database.js';
import { isUnusableDatabaseError } from '../deploy/database-file-check.js';
import { EXIT_CODE } from '../deploy/exit-codes.js';
import { storageProblemOf } from '../store/database-busy.js';
import { DeviceStore } from '../devices/device-store.js';
import { adminCommand, backupCommand } from './admin-commands.js';
import { randomPassword } from '../admin-auth/admin-auth-service.js';
import { CliError } from './cli-error.js';
import { CliHelp, commandLine, EX_USAGE, parseCommandArgs } from './cli-args.js';
import { DEMO_USAGE, SERVE_USAGE, TOKEN_USAGE, USAGE } from './usage.js';
import { openCliDatabase } from './open-cli-database.js';
import { ensureDemoDevices } from './demo-devices.js';
import { listenUrls } from './listen-urls.js';
import { loadConfigFile } from './load-config-file.js';
import { hubLogger } from '../logging/hub-logger.js';
import { seedYearCommand } from '../reports/seed/seed-year-command.js';
import { resolveCentralSettings } from '../central/central-settings.js';


/** Flags of serve/demo; each also has a LAYSO_* variable and a settings-file key (docs/install.md). */
const SETTINGS_FLAGS = ['settings', 'port', 'host', 'data', 'config', 'tls-cert', 'tls-key', 'portal-port', 'portal-host', 'lan-tls-cert', 'lan-tls-key', 'lan-https-port', 'mdns', 'migrations-dir'] as const;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function serve(args: string[], demo: boolean): Promise<void> {
  const values = parseCommandArgs(demo ? 'demo' : 'serve', demo ? DEMO_USAGE : SERVE_USAGE, args, SETTINGS_FLAGS);
  // Settings file < environment < flags; every problem listed before anything opens.
  const resolved = resolveHubSettings({ flags: values, env: process.env, cwd: process.cwd(), demo });
  if (!resolved.ok) fail(`layso hub cannot start:\n${resolved.problems.join('\n')}`);
  const { settings } = resolved;
  const central = resolveCentralSettings(process.env);
  if (!central.ok) fail(`layso hub cannot start:\n${central.problems.join('\n')}`);
  const dataDir = settings.dataDir;
  let config;
  try {
    config = settings.configFile ? loadConfigFile(settings.configFile) : undefined;
  } catch (error) {
    fail((error as Error).message);
  }
  let hub;
  try {
    hub = await startHub({
      dataDir,
      port: settings.port,
      host: settings.host,
      mdns: settings.mdns,
      ...(settings.portal ? { portal: settings.portal } : {}),
      ...(settings.lanHttps ? { lanHttps: settings.lanHttps } : {}),
      ...(settings.migrationsDir ? { migrationsDir: settings.migrationsDir } : {}),
      ...(central.settings ? { central: central.settings } : {}),
      ...(config ? { config } : {}),
    });
  } catch (error) {
    // 65 (EX_DATAERR): the data needs a person; systemd does not restart it in a loop (RestartPreventExitStatus).
    const needsPerson = error instanceof DatabaseNeedsAttentionError || isUnusableDatabaseError(error);
    // A full disk passes once space is freed: exit 1, and the service tries again.
    const hint = storageProblemOf(error) ? ' — the disk where the data lives is full or failing: free some space; the service starts the hub again by itself' : '';
    fail(`layso hub cannot start: ${(error as Error).message}${hint}`, needsPerson ? EXIT_CODE.DATA : EXIT_CODE.FAILURE);
  }
  // Signals are handled from the moment the hub listens: a `systemctl stop` that comes
  // while the first admin's password is still being hashed must close cleanly too.
  const stop = () => {
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // `systemctl reload layso`: read the TLS certificate again (changes are also picked up by themselves).
  process.on('SIGHUP', () => hub.reloadTls());
  const urls = listenUrls(settings.host, hub.port);
  const base = urls[0]!;
  hubLogger.banner(`layso hub ${hub.core.config.name}`);
  hubLogger.banner(`  listening on ${urls.join(' , ')}  (data: ${dataDir})`);
  if (hub.portal) hubLogger.banner(`  portal API over HTTPS on port ${hub.portal.port} (plain HTTP refuses /api/portal/*)`);
  if (central.settings) hubLogger.banner(`  streaming committed events to central ${central.settings.url} as hub ${central.settings.hubId}`);
  // A new hub has no admin: make one with a one-time password, shown once, changed at first sign-in.
  let oneTime: string | null = null;
  try {
    oneTime = demo ? null : await hub.admin.admins.ensureFirstAdmin();
  } catch (error) {
    // A full disk must not end a hub that already serves (and would only fail again on restart).
    if (storageProblemOf(error) === null) throw error;
    console.error(`  The first admin could not be saved (${(error as Error).message}): free disk space, then restart the hub or run \`layso admin create\`.`);
  }
  if (oneTime) {
    hubLogger.banner(`  First admin created — đăng nhập/sign in at ${base}/admin as: admin / ${oneTime}`);
    hubLogger.banner('  (one-time password: it must be changed at first sign-in and is not shown again)');
  }
  if (demo) {
    const devices = ensureDemoDevices(dataDir, hub.devices, hub.core.config);
    const token = (role: Role, counter?: number) => devices.find((d) => d.role === role && d.counter === counter)!.token;
    const url = (path: string, tokenValue: string) => `${base}${path}#token=${encodeURIComponent(tokenValue)}`;
    const firstCounter = hub.core.config.counters.find((c) => c.number === 86) ?? hub.core.config.counters[0]!;
    hubLogger.banner('Demo pages (each link provisions its page; open them in a browser):');
    hubLogger.banner(`  Kiosk (lấy số):          ${url('/kiosk', token('kiosk'))}`);
    hubLogger.banner(`  Counter ${firstCounter.number} console:      ${url('/counter', token('counter', firstCounter.number))}`);
    hubLogger.banner(`  Counter ${firstCounter.number} door screen:  ${url(`/door?counter=${firstCounter.number}`, token('display'))}`);
    hubLogger.banner(`  Counter ${firstCounter.number} rating:       ${url(`/rate?counter=${firstCounter.number}`, token('display'))}`);
    for (const area of hub.core.config.areas) {
      hubLogger.banner(`  Board ${area.name.padEnd(17)} ${url(`/board?area=${area.id}`, token('display'))}`);
    }
    // The demo's admin gets a fresh password each start (printed here), with no forced change.
    const adminPassword = randomPassword();
    await hub.admin.admins.setPasswordFromCli('admin', adminPassword, { mustChange: false });
    hubLogger.banner(`  Admin:                   ${base}/admin — đăng nhập/sign in: admin / ${adminPassword}`);
    hubLogger.banner(`  All counter links:       ${join(dataDir, 'demo-devices.json')}`);
  }
}

async function tokenCreate(args: string[]): Promise<void> {
  const values = parseCommandArgs('token create', TOKEN_USAGE, args, ['data', 'role', 'counter', 'name']);
  if (!values.data) fail('token create needs --data DIR');
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const role = values.role as Role;
  let counter: number | null = null;
  if (role === 'counter') {
    counter = Number(values.counter);
    if (!Number.isInteger(counter) || counter < 1 || counter > 999) fail('a counter token needs --counter N (1–999)');
  } else if (values.counter !== undefined) {
    fail('--counter only goes with --role counter');
  }
  let db;
  try {
    db = await openCliDatabase(resolve(values.data));
  } catch (error) {
    if (error instanceof CliError) fail(error.message, error.exitCode);
    throw error;
  }
  try {
    const { token } = new DeviceStore(db).create(role, { counter, name: values.name ?? null });
    process.stdout.write(`${token}\n`);
  } finally {
    db.close();
  }
}

/** A refusal (stderr, its exit code) or the usage asked for with --help (stdout, exit 0). */
function exitWith(error: CliError): never {
  if (error instanceof CliHelp) {
    process.stdout.write(`${error.message}\n`);
    process.exit(0);
  }
  fail(error.message, error.exitCode);
}

const [command, ...rest] = commandLine(process.argv.slice(2));
try {
  if (command === 'serve') await serve(rest, false);
  else if (command === 'demo') await serve(rest, true);
  else if (command === 'token' && rest[0] === 'create') await tokenCreate(rest.slice(1));
  else if (command === 'token') throw rest[0] === '--help' || rest[0] === '-h' ? new CliHelp(TOKEN_USAGE) : new CliError(TOKEN_USAGE, EX_USAGE);
  else if (command === 'seed-year') {
    try {
      process.stdout.write(`${seedYearCommand(rest, (message) => process.stderr.write(`${message}\n`))}\n`);
    } catch (error) {
      if (error instanceof CliError) throw error;
      fail((error as Error).message);
    }
  } else if (command === 'admin' || command === 'backup') {
    const message = command === 'admin' ? await adminCommand(rest[0], rest.slice(1)) : backupCommand(rest[0], rest.slice(1));
    process.stdout.write(`${message}\n`);
    // stdin may still be open (a terminal): do not wait for it.
    process.exit(0);
  } else if (command === undefined || command === '--help' || command === '-h' || command === 'help') throw new CliHelp(USAGE);
  else throw new CliError(USAGE, EX_USAGE);
} catch (error) {
  if (error instanceof CliError) exitWith(error);
  throw error;
}
