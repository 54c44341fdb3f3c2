import type { LedMessage } from '../led-message.js';

/** One wire format for an LED counter board: turns a message into the bytes to send. */
export interface LedProtocol {
  readonly id: string;
  encode(message: LedMessage): Buffer;
}

/**
 * Per-counter settings a protocol may need. A vendor protocol that needs a new
 * setting adds an optional field here; protocols ignore the fields they do not use.
 */
export interface LedProtocolOptions {
  /** RS-485 board address, 1–254 (framed). */
  address?: number;
  /** Line terminator (ascii-line), default CR LF. */
  lineTerminator?: string;
}

/** A registered protocol: `create` validates the options once, when the driver is built. */
export interface LedProtocolDefinition {
  readonly id: string;
  create(options: LedProtocolOptions): LedProtocol;
}

/**
 * Printable ASCII bytes of `text`. Boards have no Vietnamese fonts and a stray
 * control byte (STX/ETX) would corrupt framing, so anything else is refused.
 */
export function printableAsciiBytes(text: string, protocolId: string): Buffer {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      throw new RangeError(`${protocolId}: character ${JSON.stringify(text[i])} at ${i} is not printable ASCII`);
    }
  }
  return Buffer.from(text, 'latin1');
}
