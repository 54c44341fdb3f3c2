/**
 * Builds the Electron shell into apps/kiosk/dist-electron/:
 *   main.js            ESM main process (electron/main.ts + src/main + src/printer)
 *   preload.cjs        sandboxed preload, one CommonJS file
 *   settings-page.js   script of the local settings page (IIFE)
 *   settings.html, settings.css, offline.html   local pages
 *   fonts/             the printer's raster font, found next to main.js at run time
 * Run: npx tsx apps/kiosk/electron/build.ts
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildShellBundles } from '@layso/electron-shell/build';

const kioskRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(kioskRoot, 'dist-electron');

await buildShellBundles({ root: kioskRoot, outDir });
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
