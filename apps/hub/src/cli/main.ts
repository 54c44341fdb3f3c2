import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@layso/shared';
import { startHub } from '../app/create-hub.js';
import { resolveHubSettings } from '../deploy/hub-settings.js';
import { DatabaseUpgradeError } from '../deploy/open-hub-database.js';
import { DeviceStore } from '../store/device-store.js';
import { adminCommand, backupCommand } from './admin-commands.js';
import { randomPassword } from '../admin-auth/admin-auth-service.js';
import { CliError } from './cli-error.js';
import { openCliDatabase } from './open-cli-database.js';
import { ensureDemoDevices } from './demo-devices.js';
import { loadConfigFile } from './load-config-file.js';
import { seedYearCommand } from '../reports/seed/seed-year-command.js';

const USAGE = `layso hub

  pnpm layso serve --port P --data DIR [--config center.json] [--host 0.0.0.0] [--settings hub.json]
                   [--tls-cert cert.pem --tls-key key.pem [--portal-port 8443] [--portal-host H]] [--mdns auto|on|off]
                   [--lan-tls-cert hub.crt --lan-tls-key hub.key [--lan-https-port 8444]]
  pnpm layso token create --data DIR --role kiosk|counter|display|portal|admin [--counter N] [--name NAME]
  pnpm layso admin create --data DIR --user NAME           (password: one line on stdin)
  pnpm layso admin reset-password --data DIR --user NAME   (password: one line on stdin)
  pnpm layso backup restore --data DIR --from FILE         (hub stopped)
  pnpm layso demo [--port 8080] [--data .data/demo]
  pnpm layso seed-year --data DIR [--days 365] [--seed N]   (sample history for reports; empty folder only)
`;

/** Flags of serve/demo; each also has a LAYSO_* variable and a settings-file key (docs/install.md). */
const SETTINGS_FLAGS = ['settings', 'port', 'host', 'data', 'config', 'tls-cert', 'tls-key', 'portal-port', 'portal-host', 'lan-tls-cert', 'lan-tls-key', 'lan-https-port', 'mdns', 'migrations-dir'] as const;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function serve(args: string[], demo: boolean): Promise<void> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(SETTINGS_FLAGS.map((flag) => [flag, { type: 'string' }])) as Record<(typeof SETTINGS_FLAGS)[number], { type: 'string' }>,
  });
  // Settings file < environment < flags; every problem listed before anything opens.
  const resolved = resolveHubSettings({ flags: values, env: process.env, cwd: process.cwd(), demo });
  if (!resolved.ok) fail(`layso hub cannot start:\n${resolved.problems.join('\n')}`);
  const { settings } = resolved;
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
      ...(config ? { config } : {}),
    });
  } catch (error) {
    // 65 (EX_DATAERR) tells systemd not to restart in a loop (RestartPreventExitStatus).
    fail(`layso hub cannot start: ${(error as Error).message}`, error instanceof DatabaseUpgradeError ? 65 : 1);
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
  const hosts = ['localhost', ...lanAddresses()];
  const base = (host: string) => `http://${host}:${hub.port}`;
  console.log(`layso hub ${hub.core.config.name}`);
  console.log(`  listening on ${hosts.map(base).join(' , ')}  (data: ${dataDir})`);
  if (hub.portal) console.log(`  portal API over HTTPS on port ${hub.portal.port} (plain HTTP refuses /api/portal/*)`);
  // A new hub has no admin: make one with a one-time password, shown once, changed at first sign-in.
  const oneTime = demo ? null : await hub.admin.admins.ensureFirstAdmin();
  if (oneTime) {
    console.log(`  First admin created — đăng nhập/sign in at ${base('localhost')}/admin as: admin / ${oneTime}`);
    console.log('  (one-time password: it must be changed at first sign-in and is not shown again)');
  }
  if (demo) {
    const devices = ensureDemoDevices(dataDir, hub.devices, hub.core.config);
    const token = (role: Role, counter?: number) => devices.find((d) => d.role === role && d.counter === counter)!.token;
    const url = (path: string, tokenValue: string) => `${base('localhost')}${path}#token=${encodeURIComponent(tokenValue)}`;
    const firstCounter = hub.core.config.counters.find((c) => c.number === 86) ?? hub.core.config.counters[0]!;
    console.log('\nDemo pages (each link provisions its page; open them in a browser):');
    console.log(`  Kiosk (lấy số):          ${url('/kiosk', token('kiosk'))}`);
    console.log(`  Counter ${firstCounter.number} console:      ${url('/counter', token('counter', firstCounter.number))}`);
    console.log(`  Counter ${firstCounter.number} door screen:  ${url(`/door?counter=${firstCounter.number}`, token('display'))}`);
    console.log(`  Counter ${firstCounter.number} rating:       ${url(`/rate?counter=${firstCounter.number}`, token('display'))}`);
    for (const area of hub.core.config.areas) {
      console.log(`  Board ${area.name.padEnd(17)} ${url(`/board?area=${area.id}`, token('display'))}`);
    }
    // The demo's admin gets a fresh password each start (printed here), with no forced change.
    const adminPassword = randomPassword();
    await hub.admin.admins.setPasswordFromCli('admin', adminPassword, { mustChange: false });
    console.log(`  Admin:                   ${base('localhost')}/admin — đăng nhập/sign in: admin / ${adminPassword}`);
    console.log(`  All counter links:       ${join(dataDir, 'demo-devices.json')}`);
  }
}

async function tokenCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, role: { type: 'string' }, counter: { type: 'string' }, name: { type: 'string' } },
  });
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

const [command, ...rest] = process.argv.slice(2);
if (command === 'serve') await serve(rest, false);
else if (command === 'demo') await serve(rest, true);
else if (command === 'token' && rest[0] === 'create') await tokenCreate(rest.slice(1));
else if (command === 'seed-year') {
  try {
    process.stdout.write(`${seedYearCommand(rest, (message) => process.stderr.write(`${message}\n`))}\n`);
  } catch (error) {
    fail((error as Error).message);
  }
}
else if (command === 'admin' || command === 'backup') {
  try {
    const message = command === 'admin' ? await adminCommand(rest[0], rest.slice(1)) : backupCommand(rest[0], rest.slice(1));
    process.stdout.write(`${message}\n`);
    // stdin may still be open (a terminal): do not wait for it.
    process.exit(0);
  } catch (error) {
    if (error instanceof CliError) fail(error.message, error.exitCode);
    throw error;
  }
} else fail(USAGE);
