import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Checks the Electron installers' configuration without electron-builder (which needs
 * Electron's binary): each YAML file against electron-builder's own JSON schema
 * (vendored from app-builder-lib), the `extends` chain resolved as electron-builder
 * resolves it (relative to the app's folder), and the fields layso relies on.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCHEMA_FILE = fileURLToPath(new URL('../../scripts/vendor/electron-builder-scheme.json', import.meta.url));

export type BuilderConfig = Record<string, unknown>;

export interface LoadedConfig {
  /** The app's folder, electron-builder's project directory. */
  projectDir: string;
  /** Every file in the chain, parent first, each as written. */
  files: { path: string; config: BuilderConfig }[];
  /** What electron-builder would use: later files win, `files` lists concatenated. */
  merged: BuilderConfig;
}

function readYaml(path: string): BuilderConfig {
  const value: unknown = parse(readFileSync(path, 'utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path} is not a YAML mapping`);
  return value as BuilderConfig;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** electron-builder's deepAssign: objects merge key by key, anything else is replaced. */
function deepAssign(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isPlainObject(current) && isPlainObject(value) ? deepAssign({ ...current }, value) : value;
  }
  return target;
}

/** Loads `<projectDir>/electron-builder.yml` and the files it extends, as electron-builder does. */
export function loadBuilderConfig(projectDir: string, file = 'electron-builder.yml'): LoadedConfig {
  const chain: { path: string; config: BuilderConfig }[] = [];
  const visit = (path: string, seen: Set<string>) => {
    if (seen.has(path)) throw new Error(`electron-builder config ${path} extends itself`);
    const config = readYaml(path);
    const parents = config.extends === undefined || config.extends === null ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    for (const parent of parents) {
      if (typeof parent !== 'string') throw new Error(`${path}: extends must name files`);
      // Relative to the project directory, not to the extending file (app-builder-lib's loadParentConfig).
      visit(resolve(projectDir, parent), new Set([...seen, path]));
    }
    chain.push({ path, config });
  };
  visit(resolve(projectDir, file), new Set());
  const merged = chain.reduce<Record<string, unknown>>((acc, { config }) => deepAssign(acc, config), {});
  merged.files = chain.flatMap(({ config }) => (config.files === undefined ? [] : Array.isArray(config.files) ? config.files : [config.files]));
  delete merged.extends;
  return { projectDir, files: chain, merged };
}

let validator: ReturnType<Ajv['compile']> | null = null;

/** Problems electron-builder's schema finds in one configuration object (empty = valid). */
export function schemaProblems(config: BuilderConfig): string[] {
  if (!validator) {
    // strict: false — the schema uses keywords (e.g. $comment, tsType-like extras) Ajv's strict mode rejects.
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  if (validator(config)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
}

/** The fields layso's installers depend on, beyond what the schema allows. */
export const laysoAppConfigSchema = z.looseObject({
  appId: z.string().regex(/^vn\.layso\.[a-z-]+$/),
  productName: z.string().min(1),
  executableName: z.string().regex(/^layso-[a-z-]+$/),
  npmRebuild: z.literal(true),
  asar: z.literal(true),
  asarUnpack: z.array(z.string()).refine((globs) => globs.some((g) => g.includes('.node')), 'native addons (*.node) must be unpacked from app.asar'),
  files: z.array(z.string()).min(1),
  directories: z.looseObject({ output: z.string() }),
  linux: z.looseObject({ target: z.array(z.string()).refine((t) => t.includes('AppImage') && t.includes('deb'), 'Linux targets must be AppImage and deb') }),
  win: z.looseObject({ target: z.array(z.string()).refine((t) => t.includes('nsis'), 'the Windows target must be nsis') }),
  publish: z.null(),
  // The packaged binary's fuses (docs/install.md, "Building the installers").
  electronFuses: z.looseObject({
    runAsNode: z.literal(false),
    enableNodeOptionsEnvironmentVariable: z.literal(false),
    enableNodeCliInspectArguments: z.literal(false),
    enableCookieEncryption: z.literal(true),
    enableEmbeddedAsarIntegrityValidation: z.literal(true),
    onlyLoadAppFromAsar: z.literal(true),
  }),
});

/** Files the configuration points at that do not exist (scripts, the extended files). */
export function missingReferencedFiles(loaded: LoadedConfig): string[] {
  const referenced: string[] = loaded.files.map((f) => f.path);
  for (const section of ['deb', 'linux', 'appImage']) {
    const options = loaded.merged[section];
    if (!isPlainObject(options)) continue;
    for (const key of ['afterInstall', 'afterRemove']) {
      if (typeof options[key] === 'string') referenced.push(resolve(loaded.projectDir, options[key]));
    }
  }
  return referenced.filter((path) => !existsSync(path));
}

/** The app folders that have installers. */
export const ELECTRON_APPS = ['kiosk', 'counter-display'].map((name) => ({ name, projectDir: resolve(REPO_ROOT, 'apps', name) }));

export function repoPath(...parts: string[]): string {
  return resolve(REPO_ROOT, ...parts);
}

