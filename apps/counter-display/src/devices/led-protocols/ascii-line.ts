import { printableAsciiBytes, type LedProtocolDefinition } from './led-protocol.js';

export const DEFAULT_LINE_TERMINATOR = '\r\n';

/**
 * `ascii-line`: the text followed by a line terminator (CR LF unless configured),
 * e.g. "86001\r\n". For boards that show whatever line they receive.
 */
export const asciiLineProtocol: LedProtocolDefinition = {
  id: 'ascii-line',
  create(options) {
    const terminator = options.lineTerminator ?? DEFAULT_LINE_TERMINATOR;
    if (terminator.length === 0) throw new RangeError('ascii-line: lineTerminator must not be empty');
    // Latin-1 keeps any control byte a board may want (CR, LF, ETX …) as one byte.
    const terminatorBytes = Buffer.from(terminator, 'latin1');
    return {
      id: 'ascii-line',
      encode: (message) => Buffer.concat([printableAsciiBytes(message.text, 'ascii-line'), terminatorBytes]),
    };
  },
};
