import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettingsFile, saveSettingsFile } from './settings-file.js';
import { tempDir, validSettings } from './test-support.js';

const dir = tempDir();
afterAll(() => dir.remove());


describe('settings file', () => {
  it('reports a missing file as missing (first start)', () => {
    expect(loadSettingsFile(join(dir.path, 'none.json'))).toEqual({ status: 'missing' });
  });

  it('saves and loads the same settings, readable by the owner only', () => {
    const file = join(dir.path, 'sub', 'kiosk-settings.json');
    const settings = validSettings();
    saveSettingsFile(file, settings);
    expect(loadSettingsFile(file)).toEqual({ status: 'ok', settings });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports what is wrong with a bad file', () => {
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...validSettings(), hubUrl: 'ftp://x' }));
    const loaded = loadSettingsFile(file);
    expect(loaded.status).toBe('invalid');
    if (loaded.status === 'invalid') expect(loaded.problems.join()).toMatch(/hubUrl/);
    writeFileSync(file, '{ not json');
    expect(loadSettingsFile(file)).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/not JSON/)] });
  });

  it('refuses to save invalid settings and keeps the old file', () => {
    const file = join(dir.path, 'keep.json');
    saveSettingsFile(file, validSettings());
    const before = readFileSync(file, 'utf8');
    expect(() => saveSettingsFile(file, { ...validSettings(), token: '' })).toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
