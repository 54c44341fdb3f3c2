import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { copyRuntimeDependencies, findPackageDir } from './runtime-deps.js';

const HUB_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Packages the hub may use when installed but can run without (see mdns-announcer.ts). */
const OPTIONAL_RUNTIME = ['bonjour-service'];

export interface BuildHubOptions {
  outDir: string;
  /** Copy the built renderers (apps/kiosk/dist, apps/counter-display/dist) into web/; they must exist. */
  web: boolean;
  /** Copy the runtime dependencies into node_modules/ (a release that needs no `npm install`). */
  deps: boolean;
}

export interface BuildHubResult {
  version: string;
  dependencies: Record<string, string>;
  /** Modules esbuild put into hub.mjs (for checking nothing unexpected was bundled). */
  bundledInputs: string[];
}

interface HubPackage {
  version: string;
  dependencies: Record<string, string>;
}

/**
 * hub-version.ts reads ../../package.json next to its source at run time; in the
 * bundle that path does not exist, so the version is compiled in instead.
 */
function fixedVersion(version: string): Plugin {
  return {
    name: 'layso-hub-version',
    setup(b) {
      b.onResolve({ filter: /\/hub-version\.js$/ }, () => ({ path: 'hub-version', namespace: 'layso-hub-version' }));
      b.onLoad({ filter: /.*/, namespace: 'layso-hub-version' }, () => ({ contents: `export const HUB_VERSION = ${JSON.stringify(version)};`, loader: 'js' }));
    },
  };
}

/** Refuses to wipe a folder that holds anything but an earlier build: --out may be mistyped. */
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, 'hub.mjs'))) {
    throw new Error(`${outDir} is not empty and holds no earlier hub build; refusing to overwrite it`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
}

/**
 * The production hub: one ESM file (dist/hub.mjs, the CLI: serve, token create,
 * demo) with the runtime packages left external, the SQL migrations in
 * migrations/ (read through `new URL('./migrations/', import.meta.url)`), the built
 * renderers in web/, the deploy files, and a package.json naming the runtime
 * dependencies with the exact versions it was built and tested with.
 */
export async function buildHub(options: BuildHubOptions): Promise<BuildHubResult> {
  const pkg = JSON.parse(readFileSync(join(HUB_ROOT, 'package.json'), 'utf8')) as HubPackage;
  const runtime = [
    ...Object.entries(pkg.dependencies)
      .filter(([, range]) => !range.startsWith('workspace:'))
      .map(([name]) => name),
    ...OPTIONAL_RUNTIME.filter((name) => !(name in pkg.dependencies) && findPackageDir(name, HUB_ROOT)),
  ];
  const webSources = { kiosk: join(REPO_ROOT, 'apps/kiosk/dist'), 'counter-display': join(REPO_ROOT, 'apps/counter-display/dist'), admin: join(REPO_ROOT, 'apps/hub/admin/dist') };
  if (options.web) {
    const missing = Object.values(webSources).filter((dir) => !existsSync(join(dir, 'index.html')));
    if (missing.length > 0) throw new Error(`the renderers are not built (${missing.join(', ')}): run \`pnpm build:web\` first`);
  }

  prepareOutDir(options.outDir);
  const result = await build({
    entryPoints: [join(HUB_ROOT, 'src/cli/main.ts')],
    outfile: join(options.outDir, 'hub.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: runtime,
    // Bundled CommonJS code may call require(); ESM output has none unless given one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __laysoCreateRequire } from 'node:module';\nconst require = __laysoCreateRequire(import.meta.url);" },
    plugins: [fixedVersion(pkg.version)],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });

  // Reports run in a worker thread (its own SQLite connection): its code sits next to hub.mjs.
  await build({
    entryPoints: [join(HUB_ROOT, 'src/reports/report-worker.ts')],
    outfile: join(options.outDir, 'report-worker.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: runtime,
    banner: { js: "import { createRequire as __laysoCreateRequire } from 'node:module';\nconst require = __laysoCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  cpSync(join(HUB_ROOT, 'src/store/migrations'), join(options.outDir, 'migrations'), { recursive: true });
  if (options.web) {
    for (const [name, dir] of Object.entries(webSources)) cpSync(dir, join(options.outDir, 'web', name), { recursive: true });
  }
  // deploy/electron holds the Electron apps' installer scripts: not part of the hub.
  const electronScripts = join(HUB_ROOT, 'deploy', 'electron');
  cpSync(join(HUB_ROOT, 'deploy'), join(options.outDir, 'deploy'), { recursive: true, filter: (path) => !path.startsWith(electronScripts) });
  // The installers offer it as the starting point of the center's own center.json.
  cpSync(join(REPO_ROOT, 'docs/center.example.json'), join(options.outDir, 'deploy/center.example.json'));
  const dependencies = options.deps
    ? copyRuntimeDependencies(runtime, HUB_ROOT, join(options.outDir, 'node_modules'))
    : Object.fromEntries(runtime.map((name) => [name, (JSON.parse(readFileSync(join(findPackageDir(name, HUB_ROOT)!, 'package.json'), 'utf8')) as { version: string }).version]));
  const manifest = {
    name: 'layso-hub',
    version: pkg.version,
    private: true,
    type: 'module',
    bin: { layso: 'hub.mjs' },
    engines: { node: '>=20.19' },
    dependencies,
  };
  writeFileSync(join(options.outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { version: pkg.version, dependencies, bundledInputs: Object.keys(result.metafile.inputs) };
}
