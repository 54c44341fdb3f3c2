import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from './load-config-file.js';

describe('center.json loading', () => {
  it('accepts the documented example', () => {
    const config = loadConfigFile(fileURLToPath(new URL('../../../../docs/center.example.json', import.meta.url)));
    expect(config.counters.map((c) => c.number)).toEqual([11, 12, 13]);
    expect(config.openingHours.sun).toEqual([]);
  });

  it('lists every problem in one message', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'layso-config-')), 'center.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'X',
        openingHours: {},
        areas: [{ id: 'a', name: 'A', services: [{ id: 's', name: 'S', prefix: '1' }] }],
        counters: [{ number: 5, areaId: 'b', serviceIds: [] }],
      }),
    );
    expect(() => loadConfigFile(file)).toThrow(
      /areas\.0\.services\.0\.prefix: must be exactly two digits[\s\S]*counters\.0\.serviceIds: a counter must serve at least one service/,
    );
  });

  it('says when the file is not JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'layso-config-')), 'center.json');
    writeFileSync(file, '{ not json');
    expect(() => loadConfigFile(file)).toThrow(/cannot read center config .*center\.json/);
  });
});
