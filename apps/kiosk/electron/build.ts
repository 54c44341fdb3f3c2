/**
 * Builds the Electron shell into apps/kiosk/dist-electron/:
 *   main.js            ESM main process (electron/main.ts + src/main + src/printer)
 *   preload.cjs        sandboxed preload, one CommonJS file
 *   settings-page.js   script of the local settings page (IIFE)
 *   settings.html, settings.css, offline.html   local pages
 *   fonts/             the printer's raster font, found next to main.js at run time
 * Run: npx tsx apps/kiosk/electron/build.ts
 */
import { builtinModules } from 'node:module';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const kioskRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(kioskRoot, 'dist-electron');

// Native or Electron-provided: loaded from node_modules of the packaged app.
const external = ['electron', 'serialport', /^@serialport\//, ...builtinModules, /^node:/];

function nodeBuild(entry: string, fileName: string, format: 'es' | 'cjs', empty: boolean): InlineConfig {
  return {
    configFile: false,
    root: kioskRoot,
    logLevel: 'warn',
    ssr: { noExternal: true, external: ['electron', 'serialport'] },
    build: {
      ssr: join(kioskRoot, entry),
      outDir,
      emptyOutDir: empty,
      target: 'node20',
      minify: false,
      sourcemap: true,
      assetsInlineLimit: 0,
      rolldownOptions: { external, output: { format, entryFileNames: fileName } },
    },
  };
}

await build(nodeBuild('electron/main.ts', 'main.js', 'es', true));
await build(nodeBuild('electron/preload.ts', 'preload.cjs', 'cjs', false));
await build({
  configFile: false,
  root: kioskRoot,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: false,
    target: 'chrome120',
    minify: false,
    lib: { entry: join(kioskRoot, 'electron/settings-page.ts'), formats: ['iife'], name: 'laysoSettings', fileName: () => 'settings-page.js' },
  },
});
for (const page of ['settings.html', 'settings.css', 'offline.html']) cpSync(join(kioskRoot, 'electron', page), join(outDir, page));
mkdirSync(join(outDir, 'fonts'), { recursive: true });
cpSync(join(kioskRoot, 'src/printer/fonts'), join(outDir, 'fonts'), { recursive: true });
console.log(`Electron shell built in ${outDir}`);
