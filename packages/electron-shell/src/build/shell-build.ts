/**
 * The part of an Electron shell's build that the kiosk and the counter display share
 * (both build scripts import it; the counter display by relative path): the main
 * process as one ESM file and the sandboxed preload as one CommonJS file, with
 * everything bundled except Electron, the native serial port and Node's built-ins.
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';

/** Native or Electron-provided: loaded from node_modules of the packaged app. */
export const SHELL_EXTERNAL: (string | RegExp)[] = ['electron', 'serialport', /^@serialport\//, ...builtinModules, /^node:/];

/** A Node (SSR) bundle of `entry` (relative to `root`) into `outDir/fileName`. */
export function nodeBundleConfig(root: string, outDir: string, entry: string, fileName: string, format: 'es' | 'cjs', emptyOutDir: boolean): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    // A renderer's public/ (the counter display's voice clips) belongs to its dist/, not here.
    publicDir: false,
    ssr: { noExternal: true, external: ['electron', 'serialport'] },
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir,
      target: 'node20',
      minify: false,
      sourcemap: true,
      assetsInlineLimit: 0,
      rolldownOptions: { external: SHELL_EXTERNAL, output: { format, entryFileNames: fileName } },
    },
  };
}

export interface ShellBundleOptions {
  /** The app's folder (apps/kiosk, apps/counter-display). */
  root: string;
  outDir: string;
  /** Defaults: electron/main.ts → main.js, electron/preload.ts → preload.cjs. */
  mainEntry?: string;
  preloadEntry?: string;
}

/** Empties `outDir`, then writes main.js (ESM) and preload.cjs (CommonJS), each with a source map. */
export async function buildShellBundles({ root, outDir, mainEntry = 'electron/main.ts', preloadEntry = 'electron/preload.ts' }: ShellBundleOptions): Promise<void> {
  await build(nodeBundleConfig(root, outDir, mainEntry, 'main.js', 'es', true));
  await build(nodeBundleConfig(root, outDir, preloadEntry, 'preload.cjs', 'cjs', false));
}
