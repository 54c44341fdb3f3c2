import { describe, expect, it } from 'vitest';
import { closeAtOnce, isFlushed, unsentBytes } from './unsent-output.js';

/** The shape of engine.io's connection that unsent-output.ts reads (its internals). */
function connection(options: { packets?: unknown[]; writable?: boolean; buffered?: number; raw?: boolean } = {}) {
  const calls: string[] = [];
  const rawSocket = {
    chunks: ['left', 'over'] as (string | null)[],
    removeAllListeners: (event: string) => calls.push(`raw.removeAllListeners(${event})`),
    read: () => rawSocket.chunks.shift() ?? null,
    resetAndDestroy: () => calls.push('raw.resetAndDestroy'),
  };
  return {
    calls,
    rawSocket,
    conn: {
      writeBuffer: (options.packets ?? []).map((data) => ({ type: 'message', data })),
      transport: {
        writable: options.writable ?? true,
        socket: {
          bufferedAmount: options.buffered ?? 0,
          terminate: () => calls.push('ws.terminate'),
          ...(options.raw === false ? {} : { _socket: rawSocket }),
        },
      },
      close: (discard?: boolean) => calls.push(`conn.close(${discard})`),
    },
  };
}

describe('unsent output', () => {
  it('counts engine.io packets waiting and what the websocket has not written yet', () => {
    const { conn } = connection({ packets: ['x'.repeat(100), Buffer.alloc(50)], buffered: 1_000 });
    expect(unsentBytes(conn)).toBe(1_150);
  });

  it('is flushed only with nothing waiting and the transport ready for more', () => {
    expect(isFlushed(connection().conn)).toBe(true);
    expect(isFlushed(connection({ packets: ['42[]'] }).conn)).toBe(false);
    expect(isFlushed(connection({ writable: false }).conn)).toBe(false);
  });

  it('reads a connection without those fields (another engine.io) as nothing unsent', () => {
    expect(unsentBytes({ close: () => undefined })).toBe(0);
    expect(isFlushed({ close: () => undefined })).toBe(true);
  });

  it('closes at once: discards the transport, throws unread input away unparsed and resets the TCP connection', () => {
    const { conn, calls, rawSocket } = connection();
    closeAtOnce(conn);
    expect(calls).toEqual(['conn.close(true)', 'raw.removeAllListeners(data)', 'raw.resetAndDestroy']);
    expect(rawSocket.chunks).toEqual([]);
  });

  it('falls back to terminating the websocket when the TCP socket is not reachable', () => {
    const { conn, calls } = connection({ raw: false });
    closeAtOnce(conn);
    expect(calls).toEqual(['conn.close(true)', 'ws.terminate']);
  });
});
