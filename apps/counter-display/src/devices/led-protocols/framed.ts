import { printableAsciiBytes, type LedProtocolDefinition } from './led-protocol.js';

export const STX = 0x02;
export const ETX = 0x03;
export const MIN_ADDRESS = 1;
export const MAX_ADDRESS = 254;
export const MAX_PAYLOAD_LENGTH = 255;

/**
 * `framed`: an addressed frame for RS-485 buses where several boards share one line.
 *
 *   offset   size  field
 *   0        1     STX  0x02
 *   1        1     ADDR board address 1–254 (0 and 255 are left for broadcast/unset)
 *   2        1     LEN  payload length in bytes, 0–255
 *   3        LEN   DATA payload, printable ASCII 0x20–0x7E (the text to show)
 *   3+LEN    1     CHK  XOR of ADDR, LEN and every DATA byte
 *   4+LEN    1     ETX  0x03
 *
 * No byte stuffing: CHK may equal STX/ETX, so receivers frame by LEN, not by
 * scanning for ETX. Example, address 1, "86001":
 *   02 01 05 38 36 30 30 31 3B 03
 */
export const framedProtocol: LedProtocolDefinition = {
  id: 'framed',
  create(options) {
    const address = options.address ?? MIN_ADDRESS;
    if (!Number.isInteger(address) || address < MIN_ADDRESS || address > MAX_ADDRESS) {
      throw new RangeError(`framed: address must be an integer ${MIN_ADDRESS}–${MAX_ADDRESS}, got ${address}`);
    }
    return {
      id: 'framed',
      encode(message) {
        const payload = printableAsciiBytes(message.text, 'framed');
        if (payload.length > MAX_PAYLOAD_LENGTH) {
          throw new RangeError(`framed: payload is ${payload.length} bytes, max ${MAX_PAYLOAD_LENGTH}`);
        }
        let checksum = address ^ payload.length;
        for (const byte of payload) checksum ^= byte;
        return Buffer.concat([Buffer.from([STX, address, payload.length]), payload, Buffer.from([checksum, ETX])]);
      },
    };
  },
};
