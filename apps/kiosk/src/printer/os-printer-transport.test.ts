import { describe, expect, it } from 'vitest';
import { buildLpArgs } from './os-printer-transport.js';

describe('buildLpArgs', () => {
  it('sends raw bytes to the named CUPS queue', () => {
    expect(buildLpArgs('EPSON_TM_T82')).toEqual(['-d', 'EPSON_TM_T82', '-o', 'raw']);
  });

  it('passes the queue name as one argument, never through a shell', () => {
    expect(buildLpArgs('XP-80C;rm -rf')).toEqual(['-d', 'XP-80C;rm -rf', '-o', 'raw']);
  });
});
