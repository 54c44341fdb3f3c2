import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_APPS, laysoAppConfigSchema, loadBuilderConfig, missingReferencedFiles, repoPath, schemaProblems } from '../testing/electron-builder-config.js';

describe('electron-builder configuration of the Electron apps', () => {
  it.each(ELECTRON_APPS)('$name: every file of the extends chain, and the merged result, pass electron-builder\'s schema', ({ projectDir }) => {
    const loaded = loadBuilderConfig(projectDir);
    expect(loaded.files.map((f) => f.path)).toEqual([repoPath('electron-builder.yml'), join(projectDir, 'electron-builder.yml')]);
    for (const { path, config } of loaded.files) expect(schemaProblems(config), path).toEqual([]);
    expect(schemaProblems(loaded.merged)).toEqual([]);
  });

  it.each(ELECTRON_APPS)('$name: carries the settings the installers rely on, and every file it names exists', ({ name, projectDir }) => {
    const loaded = loadBuilderConfig(projectDir);
    const parsed = laysoAppConfigSchema.safeParse(loaded.merged);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(missingReferencedFiles(loaded)).toEqual([]);
    // The app's entry point (package.json "main") is packaged, and its source builds it.
    const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.main).toBe('dist-electron/main.js');
    expect(parsed.data!.files).toContain('dist-electron/**/*');
    expect(pkg.dependencies).toHaveProperty('serialport');
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(parsed.data!.directories.output).toBe(`../../release/${name}`);
  });

  it('the counter-display packages its renderer, which its shell serves from ../dist', () => {
    const loaded = loadBuilderConfig(repoPath('apps/counter-display'));
    expect(loaded.merged.files).toContain('dist/**/*');
    expect(readFileSync(repoPath('apps/counter-display/electron/main.ts'), 'utf8')).toContain("join(here, '..', 'dist')");
  });

  it('app files override the shared file and `files` lists add up, as in electron-builder', () => {
    const kiosk = loadBuilderConfig(repoPath('apps/kiosk')).merged;
    expect(kiosk.nsis).toMatchObject({ perMachine: true, shortcutName: 'layso Kiosk' });
    expect(kiosk.deb).toMatchObject({ afterInstall: expect.stringContaining('kiosk-after-install.sh'), depends: expect.arrayContaining(['libnss3']) });
  });

  it.each(ELECTRON_APPS)('$name: turns the Electron fuses off for run-as-node and on for cookie encryption and ASAR integrity', ({ projectDir }) => {
    expect(loadBuilderConfig(projectDir).merged.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(schemaProblems({ electronFuses: { runAsnode: false } }).join('\n')).toMatch(/additional properties: runAsnode/);
    expect(laysoAppConfigSchema.safeParse({ ...loadBuilderConfig(projectDir).merged, electronFuses: { runAsNode: true } }).success).toBe(false);
  });

  it('the schema check does catch mistakes (a misspelt option, a wrong type)', () => {
    expect(schemaProblems({ appId: 'vn.layso.x', nsis: { oneClik: false } }).join('\n')).toMatch(/\/nsis must NOT have additional properties: oneClik/);
    expect(schemaProblems({ asar: 'yes' }).length).toBeGreaterThan(0);
  });
});
