import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_TICKET } from '../test/printable-ticket-fixture.js';
import { encodeEscPos } from './escpos-encoder.js';
import { printTicket } from './print-ticket.js';
import { layoutTicket } from './ticket-layout.js';

// CUPS is not installed here: a stand-in `lp` script records its arguments and stdin.
const dir = mkdtempSync(path.join(tmpdir(), 'layso-lp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeLp(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('printTicket to an OS printer (printer:NAME via lp)', () => {
  it('pipes the ticket bytes to lp -d NAME -o raw, with status unknown', async () => {
    const lp = fakeLp('lp-ok', `printf '%s\\n' "$@" > "${dir}/args"; cat > "${dir}/stdin"`);
    const result = await printTicket('printer:XP80', SEED_TICKET, { lpCommand: lp });

    expect(result).toMatchObject({ statusBefore: 'unknown', statusAfter: 'unknown', warnings: ['status-unknown'] });
    expect(readFileSync(path.join(dir, 'args'), 'utf8')).toBe('-d\nXP80\n-o\nraw\n');
    const expected = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'cp1258' });
    expect(readFileSync(path.join(dir, 'stdin'))).toEqual(expected);
  });

  it('reports lp’s own error message', async () => {
    const lp = fakeLp('lp-fail', `cat > /dev/null; echo 'lp: The printer or class does not exist.' >&2; exit 1`);
    await expect(printTicket('printer:NOPE', SEED_TICKET, { lpCommand: lp })).rejects.toMatchObject({
      code: 'OS_PRINTER_FAILED',
      message: `printer:NOPE: ${lp} exited with code 1: lp: The printer or class does not exist.`,
    });
  });

  it('says so when lp is not installed', async () => {
    await expect(
      printTicket('printer:XP80', SEED_TICKET, { lpCommand: path.join(dir, 'no-such-lp') }),
    ).rejects.toMatchObject({
      code: 'OS_PRINTER_FAILED',
      message: expect.stringContaining('not found (is CUPS installed?)'),
    });
  });
});
