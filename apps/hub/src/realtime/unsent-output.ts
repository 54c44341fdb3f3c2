/**
 * What engine.io holds for one connection and has not handed to the network yet. The
 * fields read here are engine.io's internals (not in its typings), read through this
 * one narrow view: a version that renamed them reads as "nothing unsent", and the
 * flood integration test (a socket that does not read) would then fail.
 */
interface EngineConnectionView {
  /** Packets waiting for the transport (it is busy with the previous batch, or a poll is awaited). */
  writeBuffer?: readonly { data?: unknown }[];
  transport?: {
    writable?: boolean;
    /** The `ws` socket of the websocket transport: what Node has not written to the kernel yet. */
    socket?: { bufferedAmount?: number; terminate?: () => void; pause?: () => void; _socket?: RawSocket };
  };
  close(discard?: boolean): void;
}

/** The TCP socket under the `ws` socket. */
interface RawSocket {
  resetAndDestroy?: () => void;
  removeAllListeners?: (event: string) => void;
  read?: () => unknown;
}

const view = (conn: unknown) => conn as EngineConnectionView;

/** Everything sent so far has left the hub (the transport is ready for more). */
export function isFlushed(conn: unknown): boolean {
  const { writeBuffer, transport } = view(conn);
  return (writeBuffer?.length ?? 0) === 0 && transport?.writable !== false;
}

/** About how many bytes wait to be written to a connection (string length for text frames). */
export function unsentBytes(conn: unknown): number {
  const { writeBuffer, transport } = view(conn);
  let bytes = transport?.socket?.bufferedAmount ?? 0;
  for (const packet of writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  return bytes;
}

/**
 * Closes a connection without waiting for its output to be read: a plain close waits
 * for the buffer to drain (never, for a client that does not read) and a websocket
 * close handshake waits up to 30 s. A TCP reset rather than a FIN: otherwise the
 * kernel keeps the unread megabytes and retries them for minutes.
 */
export function closeAtOnce(conn: unknown): void {
  const connection = view(conn);
  connection.close(true);
  const ws = connection.transport?.socket;
  const raw = ws?._socket;
  if (raw?.resetAndDestroy && raw.removeAllListeners && raw.read) {
    // What a flooder sent and the hub has read but not parsed yet is thrown away
    // unparsed: on close, `ws` would otherwise parse all of it in one go.
    raw.removeAllListeners('data');
    while (raw.read() !== null);
    raw.resetAndDestroy();
  } else {
    ws?.terminate?.();
  }
}

/**
 * Stops reading what a connection sends (websocket transport): a flooder's messages
 * already on the way cost nothing more while it is told why it is being disconnected.
 */
export function stopReading(conn: unknown): void {
  view(conn).transport?.socket?.pause?.();
}
