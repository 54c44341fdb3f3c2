import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';

/**
 * The hub's own settings (where it listens, where its data is), as opposed to the
 * center's configuration (center.json). Each comes from, in increasing precedence:
 * the settings file (--settings FILE or LAYSO_SETTINGS), the environment, the
 * command line. Every problem is reported, each in one sentence naming where the
 * bad value came from, before anything is opened.
 */
export interface HubSettings {
  port: number;
  host: string;
  dataDir: string;
  /** center.json; absent = keep the stored center (the demo one on an empty folder). */
  configFile?: string;
  /** The portal-facing HTTPS listener, when a certificate and key are configured. */
  portal?: { port: number; host: string; tlsCert: string; tlsKey: string };
  /** The LAN's HTTPS listener (pages, API, sockets) with the center's own certificate (make-lan-cert.sh). */
  lanHttps?: { port: number; host: string; tlsCert: string; tlsKey: string };
  /** DNS-SD announcement: auto = on unless the hub listens on loopback only. */
  mdns: 'auto' | 'on' | 'off';
  /** Test-only: migrations from another folder. */
  migrationsDir?: string;
}

export type SettingsFlags = Partial<Record<'settings' | 'port' | 'host' | 'data' | 'config' | 'tls-cert' | 'tls-key' | 'portal-port' | 'portal-host' | 'lan-tls-cert' | 'lan-tls-key' | 'lan-https-port' | 'mdns' | 'migrations-dir', string>>;

type Key = 'port' | 'host' | 'data' | 'config' | 'tlsCert' | 'tlsKey' | 'portalPort' | 'portalHost' | 'lanTlsCert' | 'lanTlsKey' | 'lanHttpsPort' | 'mdns' | 'migrationsDir';

/** Where each setting may come from: its flag, environment variables (first wins), and key in the file. */
const SOURCES: Record<Key, { flag: keyof SettingsFlags; env: string[] }> = {
  port: { flag: 'port', env: ['LAYSO_PORT', 'PORT'] },
  host: { flag: 'host', env: ['LAYSO_HOST'] },
  data: { flag: 'data', env: ['LAYSO_DATA'] },
  config: { flag: 'config', env: ['LAYSO_CONFIG'] },
  tlsCert: { flag: 'tls-cert', env: ['LAYSO_TLS_CERT'] },
  tlsKey: { flag: 'tls-key', env: ['LAYSO_TLS_KEY'] },
  portalPort: { flag: 'portal-port', env: ['LAYSO_PORTAL_PORT'] },
  portalHost: { flag: 'portal-host', env: ['LAYSO_PORTAL_HOST'] },
  lanTlsCert: { flag: 'lan-tls-cert', env: ['LAYSO_LAN_TLS_CERT'] },
  lanTlsKey: { flag: 'lan-tls-key', env: ['LAYSO_LAN_TLS_KEY'] },
  lanHttpsPort: { flag: 'lan-https-port', env: ['LAYSO_LAN_HTTPS_PORT'] },
  mdns: { flag: 'mdns', env: ['LAYSO_MDNS'] },
  // Not in the file or the environment: only a test points the hub at other migrations.
  migrationsDir: { flag: 'migrations-dir', env: [] },
};

const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** The settings file: every key optional, unknown keys refused (a typo must not be ignored). */
const settingsFileSchema = z.strictObject({
  port: scalar.optional(),
  host: scalar.optional(),
  data: scalar.optional(),
  config: scalar.optional(),
  tlsCert: scalar.optional(),
  tlsKey: scalar.optional(),
  portalPort: scalar.optional(),
  portalHost: scalar.optional(),
  lanTlsCert: scalar.optional(),
  lanTlsKey: scalar.optional(),
  lanHttpsPort: scalar.optional(),
  mdns: scalar.optional(),
});

const portSchema = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().min(0).max(65535));
const hostSchema = z.string().trim().regex(/^[\w.:-]+$/);
const pathSchema = z.string().trim().min(1);
const mdnsSchema = z.union([z.boolean().transform((on) => (on ? 'on' : 'off')), z.enum(['auto', 'on', 'off'])]);

interface Found {
  value: string | number | boolean;
  /** How the operator wrote it: `--port`, `LAYSO_PORT`, `"port" in /etc/layso/hub.json`. */
  label: string;
  /** Relative paths resolve against the settings file's folder, or the working directory. */
  baseDir: string;
}

export type SettingsResult = { ok: true; settings: HubSettings } | { ok: false; problems: string[] };

export interface ResolveInput {
  flags: SettingsFlags;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Defaults of `layso demo`: port 8080, data .data/demo. */
  demo?: boolean;
}

function readSettingsFile(file: string, problems: string[]): z.infer<typeof settingsFileSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`cannot read the settings file ${file}: ${(error as Error).message}`);
    return {};
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') problems.push(`the settings file ${file} has unknown settings: ${issue.keys.join(', ')} (known: ${Object.keys(settingsFileSchema.shape).join(', ')})`);
    else problems.push(`the settings file ${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return {};
}

/** Resolves and validates the hub's settings; lists every problem at once. */
export function resolveHubSettings(input: ResolveInput): SettingsResult {
  const problems: string[] = [];
  const settingsFile = input.flags.settings ?? input.env.LAYSO_SETTINGS;
  const file = settingsFile ? resolve(input.cwd, settingsFile) : null;
  const fromFile = file ? readSettingsFile(file, problems) : {};

  const find = (key: Key): Found | null => {
    const { flag, env } = SOURCES[key];
    const flagValue = input.flags[flag];
    if (flagValue !== undefined) return { value: flagValue, label: `--${flag}`, baseDir: input.cwd };
    for (const name of env) {
      const envValue = input.env[name];
      if (envValue !== undefined && envValue !== '') return { value: envValue, label: name, baseDir: input.cwd };
    }
    const fileValue = key === 'migrationsDir' ? undefined : fromFile[key];
    if (fileValue !== undefined && file) return { value: fileValue, label: `"${key}" in ${file}`, baseDir: dirname(file) };
    return null;
  };
  /** Validates one found value; on failure records `message(label, raw)` and returns undefined. */
  const check = <T>(found: Found | null, schema: z.ZodType<T>, message: (label: string, raw: string) => string): T | undefined => {
    if (!found) return undefined;
    const parsed = schema.safeParse(found.value);
    if (parsed.success) return parsed.data;
    problems.push(message(found.label, JSON.stringify(found.value)));
    return undefined;
  };
  const path = (key: Key, what: string): string | undefined => {
    const found = find(key);
    const value = check(found, pathSchema, (label) => `${label} must name ${what}, got an empty value`);
    return value === undefined ? undefined : resolve(found!.baseDir, value);
  };

  const portFound = find('port');
  const port = portFound ? check(portFound, portSchema, (label, raw) => `${label} must be 0–65535, got ${raw}`) : 8080;
  const host = check(find('host'), hostSchema, (label, raw) => `${label} must be an IP address or host name, got ${raw}`) ?? '0.0.0.0';
  const dataDir = path('data', 'the data folder') ?? (input.demo ? resolve(input.cwd, '.data/demo') : undefined);
  if (!find('data') && !input.demo) problems.push('serve needs --data DIR (or LAYSO_DATA, or "data" in the settings file)');
  const configFile = path('config', 'the center.json file');
  const tlsCert = path('tlsCert', 'the certificate file (PEM)');
  const tlsKey = path('tlsKey', 'the private key file (PEM)');
  const portalPortFound = find('portalPort');
  const portalPort = check(portalPortFound, portSchema, (label, raw) => `${label} must be 0–65535, got ${raw}`);
  const portalHost = check(find('portalHost'), hostSchema, (label, raw) => `${label} must be an IP address or host name, got ${raw}`) ?? host;
  const lanTlsCert = path('lanTlsCert', 'the LAN certificate file (PEM, with the center CA after it)');
  const lanTlsKey = path('lanTlsKey', 'the LAN private key file (PEM)');
  const lanHttpsPortFound = find('lanHttpsPort');
  const lanHttpsPort = check(lanHttpsPortFound, portSchema, (label, raw) => `${label} must be 0–65535, got ${raw}`) ?? 8444;
  const mdns = check(find('mdns'), mdnsSchema, (label, raw) => `${label} must be auto, on or off, got ${raw}`) ?? 'auto';
  const migrationsDir = path('migrationsDir', 'a folder');

  const pem: Partial<Record<'cert' | 'key', Buffer>> = {};
  for (const [name, what, value] of [['cert', 'certificate', tlsCert], ['key', 'private key', tlsKey]] as const) {
    if (value === undefined) continue;
    try {
      pem[name] = readFileSync(value);
    } catch (error) {
      problems.push(`the TLS ${what} ${value} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (pem.cert && pem.key) {
    try {
      createSecureContext({ cert: pem.cert, key: pem.key });
    } catch (error) {
      problems.push(`the TLS certificate ${tlsCert} and key ${tlsKey} are not a usable pair: ${(error as Error).message}`);
    }
  }
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    problems.push(`HTTPS needs both a certificate and its key: ${tlsCert ? 'the key is missing (--tls-key or LAYSO_TLS_KEY)' : 'the certificate is missing (--tls-cert or LAYSO_TLS_CERT)'}`);
  }
  if (portalPortFound && !(tlsCert && tlsKey)) {
    problems.push(`${portalPortFound.label} opens the portal's HTTPS listener, which needs --tls-cert and --tls-key (or put the hub behind nginx, see docs/install.md)`);
  }
  const portalPortValue = portalPort ?? 8443;
  if (tlsCert && tlsKey && port !== undefined && port !== 0 && portalPortValue === port) {
    problems.push(`the portal's HTTPS listener needs its own port: ${portalPort === undefined ? 'the default portal port 8443' : 'the portal port'} is also the LAN port ${port}`);
  }

  if ((lanTlsCert === undefined) !== (lanTlsKey === undefined)) {
    problems.push(`LAN HTTPS needs both a certificate and its key: ${lanTlsCert ? 'the key is missing (--lan-tls-key or LAYSO_LAN_TLS_KEY)' : 'the certificate is missing (--lan-tls-cert or LAYSO_LAN_TLS_CERT)'}`);
  }
  if (lanHttpsPortFound && !(lanTlsCert && lanTlsKey)) {
    problems.push(`${lanHttpsPortFound.label} opens the LAN's HTTPS listener, which needs --lan-tls-cert and --lan-tls-key (make them with deploy/linux/make-lan-cert.sh)`);
  }
  if (lanTlsCert && lanTlsKey) {
    try {
      createSecureContext({ cert: readFileSync(lanTlsCert), key: readFileSync(lanTlsKey) });
    } catch (error) {
      problems.push(`the LAN TLS certificate ${lanTlsCert} and key ${lanTlsKey} are not usable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const taken = [port, tlsCert && tlsKey ? portalPortValue : undefined].filter((p) => p !== undefined && p !== 0);
    if (lanHttpsPort !== 0 && taken.includes(lanHttpsPort)) problems.push(`the LAN's HTTPS listener needs its own port: ${lanHttpsPort} is already the LAN or portal port`);
  }

  if (problems.length > 0 || port === undefined || dataDir === undefined) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      port,
      host,
      dataDir,
      mdns,
      ...(configFile ? { configFile } : {}),
      ...(tlsCert && tlsKey ? { portal: { port: portalPortValue, host: portalHost, tlsCert, tlsKey } } : {}),
      ...(lanTlsCert && lanTlsKey ? { lanHttps: { port: lanHttpsPort, host, tlsCert: lanTlsCert, tlsKey: lanTlsKey } } : {}),
      ...(migrationsDir ? { migrationsDir } : {}),
    },
  };
}
