import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppFile } from './app-protocol.js';

const dist = mkdtempSync(join(tmpdir(), 'layso-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<html></html>');
writeFileSync(join(dist, 'assets', 'index-abc.js'), '');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps the Vite base to the dist folder', () => {
    expect(resolveAppFile(dist, '/counter/assets/index-abc.js')).toBe(join(dist, 'assets', 'index-abc.js'));
  });

  it('serves index.html for page routes', () => {
    expect(resolveAppFile(dist, '/counter/settings')).toBe(join(dist, 'index.html'));
  });

  it('never leaves the dist folder', () => {
    expect(resolveAppFile(dist, '/counter/../../etc/passwd')).toBeNull();
    expect(resolveAppFile(dist, '/counter/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppFile(dist, '/counter/%E0%A4%A')).toBeNull();
  });
});
