import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounterDisplayShell, SHELL_FILES } from './build.js';

/** The shell build (electron/build.ts) into a temporary folder, checked as electron-builder will pack it. */
describe('counter-display Electron shell build', () => {
  let outDir: string;
  let main: string;
  let preload: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'layso-cd-shell-'));
    await buildCounterDisplayShell(outDir);
    main = readFileSync(join(outDir, 'main.js'), 'utf8');
    preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes main.js and preload.cjs (with source maps) and nothing else', () => {
    for (const file of SHELL_FILES) expect(existsSync(join(outDir, file)), file).toBe(true);
    expect(readdirSync(outDir).sort()).toEqual(['main.js', 'main.js.map', 'preload.cjs', 'preload.cjs.map']);
  });

  it('matches package.json "main" and the preload path electron/main.ts loads', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.js');
    expect(readFileSync(new URL('./main.ts', import.meta.url), 'utf8')).toContain("join(here, 'preload.cjs')");
    const builderConfig = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
    expect(builderConfig).toContain('dist-electron/**/*');
    expect(builderConfig).toContain('dist/**/*');
  });

  it('keeps electron and serialport external: bare imports, not bundled', () => {
    expect(main).toMatch(/^import \{[^}]*\bapp\b[^}]*\} from "electron";$/m);
    expect(main).toMatch(/^import \{ SerialPort \} from "serialport";$/m);
    // Their code is not inside: no module of electron's npm package or of serialport's bindings.
    expect(main).not.toMatch(/node_modules\/(electron|serialport|@serialport)\//);
    expect(main).not.toContain('@serialport/bindings-cpp');
    // The app's own modules and the hub client are bundled.
    expect(main).toContain('apps/counter-display/src/main/shell-controller.ts');
    expect(main).toContain('apps/counter-display/src/devices/');
    expect(main).toMatch(/socket\.io-client/);
  });

  it('emits an ES module main that Node can parse', () => {
    // electron and serialport come in through ESM imports (checked above), never a require().
    expect(main).not.toMatch(/require\("(electron|serialport)"\)/);
    const copy = join(outDir, 'main-check.mjs');
    copyFileSync(join(outDir, 'main.js'), copy);
    try {
      execFileSync(process.execPath, ['--check', copy], { stdio: 'pipe' });
    } finally {
      rmSync(copy);
    }
  });

  it('emits a CommonJS preload that requires only electron', () => {
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("laysoShell"');
    // Parses as a CommonJS function body (what the sandboxed preload loader runs).
    expect(() => new Function('require', 'module', 'exports', preload)).not.toThrow();
  });
});
