import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile, writeJsonFileAtomic } from './json-file.js';

const dir = mkdtempSync(join(tmpdir(), 'layso-json-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON files of the shells', () => {
  it('tells a missing file, an unreadable one and one that is not JSON apart', () => {
    expect(readJsonFile(join(dir, 'none.json'))).toEqual({ status: 'missing' });
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    expect(readJsonFile(folder)).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/EISDIR/) });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(readJsonFile(broken)).toEqual({ status: 'not-json' });
  });

  it('writes what it reads back, into a new folder, for the owner only, leaving no temp file', () => {
    const file = join(dir, 'sub', 'settings.json');
    writeJsonFileAtomic(file, { version: 1, hubUrl: 'http://hub.local:8080', note: 'Quầy 1' });
    expect(readJsonFile(file)).toEqual({ status: 'ok', json: { version: 1, hubUrl: 'http://hub.local:8080', note: 'Quầy 1' } });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "version": 1,\n  "hubUrl": "http://hub.local:8080",\n  "note": "Quầy 1"\n}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeJsonFileAtomic(file, { version: 2 });
    expect(readJsonFile(file)).toEqual({ status: 'ok', json: { version: 2 } });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['settings.json']);
  });
});
