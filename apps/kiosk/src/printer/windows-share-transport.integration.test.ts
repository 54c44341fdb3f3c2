import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_TICKET } from '../test/printable-ticket-fixture.js';
import { encodeEscPos } from './escpos-encoder.js';
import { printTicket } from './print-ticket.js';
import { sendToPrinter } from './printer-transport.js';
import { layoutTicket } from './ticket-layout.js';

// No Windows here: the share's UNC path is mapped to a temp file, and the real fs code writes it.
const dir = mkdtempSync(path.join(tmpdir(), 'layso-share-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shareTo(file: string) {
  const opened: string[] = [];
  return {
    opened,
    options: {
      platform: 'win32' as const,
      sharePath: (unc: string) => {
        opened.push(unc);
        return file;
      },
    },
  };
}

describe('printTicket to a Windows printer queue (printer:NAME via its share)', () => {
  it('writes the exact ESC/POS bytes of the ticket to \\\\localhost\\NAME, with status unknown', async () => {
    const file = path.join(dir, 'pos80.bin');
    const share = shareTo(file);
    const result = await printTicket('printer:POS80', SEED_TICKET, share.options);
    expect(share.opened).toEqual(['\\\\localhost\\POS80']);
    expect(result).toMatchObject({ target: 'printer:POS80', statusBefore: 'unknown', statusAfter: 'unknown', warnings: ['status-unknown'] });
    const expected = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'cp1258' });
    const written = readFileSync(file);
    expect(written.equals(expected)).toBe(true);
    expect(result.bytesSent).toBe(written.length);
    // The job starts with ESC @ (initialise) and ends with the cut: it is raw ESC/POS, not text.
    expect([...written.subarray(0, 2)]).toEqual([0x1b, 0x40]);
  });

  it('printer:\\\\HOST\\SHARE writes to another PC’s share; each job replaces the last (one job per write)', async () => {
    const file = path.join(dir, 'quay1.bin');
    const share = shareTo(file);
    await sendToPrinter('printer:\\\\PC-QUAY1\\XP80', Buffer.from([0x1b, 0x40, 0x41, 0x0a]), share.options);
    await sendToPrinter('printer:\\\\PC-QUAY1\\XP80', Buffer.from([0x1b, 0x40, 0x42, 0x0a]), share.options);
    expect(share.opened).toEqual(['\\\\PC-QUAY1\\XP80', '\\\\PC-QUAY1\\XP80']);
    expect([...readFileSync(file)]).toEqual([0x1b, 0x40, 0x42, 0x0a]);
  });

  it('a share that does not exist: OS_PRINTER_FAILED saying how to share the printer', async () => {
    const share = shareTo(path.join(dir, 'no-such-folder', 'x.bin'));
    await expect(printTicket('printer:NOPE', SEED_TICKET, share.options)).rejects.toMatchObject({
      code: 'OS_PRINTER_FAILED',
      message: expect.stringMatching(/^printer:NOPE: no printer share .*x\.bin \(share the printer: Printer properties → Sharing/),
    });
  });

  it('off Windows, printer:NAME still goes to lp, and a \\\\HOST\\SHARE address is refused rather than written as a local file', async () => {
    await expect(sendToPrinter('printer:\\\\PC-QUAY1\\XP80', Buffer.from('x'), { platform: 'linux' })).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    await expect(sendToPrinter('printer:XP80', Buffer.from('x'), { platform: 'linux', lpCommand: path.join(dir, 'no-such-lp') })).rejects.toMatchObject({
      code: 'OS_PRINTER_FAILED',
      message: expect.stringContaining('not found (is CUPS installed?)'),
    });
  });
});
