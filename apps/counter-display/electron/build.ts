/**
 * Builds the counter display's Electron shell into apps/counter-display/dist-electron/:
 *   main.js       ESM main process (electron/main.ts + src/main + src/devices + the
 *                 hub client), `package.json` "main"
 *   preload.cjs   sandboxed preload, one CommonJS file (it may only require 'electron')
 * `electron`, `serialport` (@serialport/*) and Node's built-ins stay external: they
 * are loaded from the packaged app's node_modules.
 *
 * There are no local pages to copy: the settings screen is the renderer itself, served
 * by the shell from the renderer's dist/ (next to dist-electron/, see
 * src/main/app-protocol.ts) at layso://app/counter/settings. Build it first with
 * `vite build`; electron-builder.yml packs dist/ and dist-electron/.
 *
 * Run: npx tsx apps/counter-display/electron/build.ts [outDir]
 * (outDir, or LAYSO_ELECTRON_OUT_DIR, defaults to apps/counter-display/dist-electron)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildShellBundles } from '@layso/electron-shell/build';

export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUT_DIR = join(APP_ROOT, 'dist-electron');

/** Files a build leaves in its output folder (source maps too, left out of the package). */
export const SHELL_FILES = ['main.js', 'preload.cjs'] as const;

export async function buildCounterDisplayShell(outDir: string = DEFAULT_OUT_DIR): Promise<string> {
  const target = resolve(outDir);
  await buildShellBundles({ root: APP_ROOT, outDir: target });
  return target;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = await buildCounterDisplayShell(process.argv[2] ?? process.env.LAYSO_ELECTRON_OUT_DIR ?? DEFAULT_OUT_DIR);
  console.log(`Electron shell built in ${outDir}`);
  if (!existsSync(join(APP_ROOT, 'dist', 'index.html'))) {
    console.warn('Note: the renderer is not built (dist/index.html missing); run `vite build` in apps/counter-display before packaging.');
  }
}
