/**
 * What one socket, one address and all public sockets together may make the hub hold
 * or do. Legitimate screens send almost nothing (a `state:request` after a gap in the
 * stream, a `device:command-ack` per remote command), so the figures are generous for
 * them and small for a script sending flat out.
 */
export interface SocketLimits {
  /** Client->hub events per second a socket may send, sustained... */
  eventsPerSecond: number;
  /** ...and at once (a board catching up after a gap asks once per event it gets). */
  eventBurst: number;
  /**
   * Events over the limit a socket may send before it is disconnected; this allowance
   * comes back at half the event rate, so only a sustained flood uses it up.
   */
  excessEvents: number;
  /** At most one snapshot per socket in this time (the first is never delayed). */
  snapshotIntervalMs: number;
  /** Output a socket has not read yet (bytes); past it, the socket is disconnected. */
  maxUnsentBytes: number;
  /** How often every socket's unsent output is checked (broadcasts pile up too). */
  unsentCheckMs: number;
  /** Public (no token) sockets per remote address: citizens' phones behind one carrier NAT share one. */
  publicPerAddress: number;
  /** Public sockets in all. */
  publicTotal: number;
}

export const SOCKET_LIMITS: SocketLimits = {
  eventsPerSecond: 20,
  eventBurst: 100,
  excessEvents: 200,
  snapshotIntervalMs: 100,
  maxUnsentBytes: 1024 * 1024,
  unsentCheckMs: 5_000,
  publicPerAddress: 200,
  publicTotal: 2_000,
};
