import { describe, expect, it } from 'vitest';
import { InputBuffer } from './printer-connection.js';
import type { PrinterConnection } from './printer-connection.js';
import { isStatusByte, parseStatusBytes, queryPrinterStatus } from './printer-status.js';

const READY = { online: true, paperOut: false, paperNearEnd: false, coverOpen: false };

describe('parseStatusBytes', () => {
  it('reads an idle printer as ready', () => {
    expect(parseStatusBytes({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 })).toEqual(READY);
  });

  it('reads paper out from the roll sensor (n=4) or the offline cause (n=2)', () => {
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 })).toEqual({
      ...READY,
      online: false,
      paperOut: true,
    });
    expect(parseStatusBytes({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x72 }).paperOut).toBe(true);
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x12 }).paperOut).toBe(true);
  });

  it('reads paper near end, cover open and offline', () => {
    expect(parseStatusBytes({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e })).toEqual({ ...READY, paperNearEnd: true });
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 })).toEqual({
      ...READY,
      online: false,
      coverOpen: true,
    });
  });

  it('names the fault from the error status (n=3)', () => {
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 }).error).toBe('autocutter error');
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x52, 3: 0x32, 4: 0x12 }).error).toBe('unrecoverable error');
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x52, 3: 0x52, 4: 0x12 }).error).toMatch(/^auto-recoverable error/);
    expect(parseStatusBytes({ 1: 0x1a, 2: 0x52, 3: 0x12, 4: 0x12 }).error).toBe('error');
  });

  it('accepts only bytes with the fixed status bits', () => {
    expect([0x12, 0x16, 0x1a, 0x7e].every(isStatusByte)).toBe(true);
    expect([0x00, 0xff, 0x10, 0x02, 0x92, 0x13].some(isStatusByte)).toBe(false);
  });
});

/** A two-way link whose printer answers each request from a script. */
function scriptedConnection(answer: (request: number) => number | undefined, canRead = true) {
  const input = new InputBuffer();
  const written: number[] = [];
  const connection: PrinterConnection = {
    canRead,
    write: async (bytes) => {
      written.push(...bytes);
      const reply = answer(bytes[2]!);
      if (reply !== undefined) input.push(Uint8Array.of(reply));
    },
    readByte: (timeoutMs) => input.read(timeoutMs),
    discardInput: () => input.clear(),
    close: async () => undefined,
  };
  return { connection, written, input };
}

describe('queryPrinterStatus', () => {
  it('asks DLE EOT 1..4 in order and parses the answers', async () => {
    const { connection, written } = scriptedConnection((n) => (n === 4 ? 0x1e : 0x12));
    expect(await queryPrinterStatus(connection, 1000)).toEqual({ ...READY, paperNearEnd: true });
    expect(written).toEqual([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4]);
  });

  it('gives unknown after the first unanswered request', async () => {
    const { connection, written } = scriptedConnection(() => undefined);
    expect(await queryPrinterStatus(connection, 50)).toBe('unknown');
    expect(written).toEqual([0x10, 4, 1]);
  });

  it('gives unknown for an answer that is not a status byte', async () => {
    const { connection } = scriptedConnection(() => 0x41);
    expect(await queryPrinterStatus(connection, 1000)).toBe('unknown');
  });

  it('drops stale input before asking', async () => {
    const { connection, input } = scriptedConnection(() => 0x12);
    input.push(Uint8Array.of(0x1a, 0x1a)); // an old "offline" answer left on the line
    expect(await queryPrinterStatus(connection, 1000)).toEqual(READY);
  });

  it('does not ask a one-way link', async () => {
    const { connection, written } = scriptedConnection(() => 0x12, false);
    expect(await queryPrinterStatus(connection, 1000)).toBe('unknown');
    expect(written).toEqual([]);
  });
});
