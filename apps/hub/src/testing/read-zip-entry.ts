import { inflateRawSync } from 'node:zlib';

/**
 * The bytes of one entry of a zip file (an .xlsx), read from its local header. Tests use
 * it to look at the exact XML the hub wrote, not at what a spreadsheet library makes of it.
 */
export function readZipEntry(zip: Buffer, name: string): Buffer {
  for (let at = 0; at + 30 <= zip.length; ) {
    if (zip.readUInt32LE(at) !== 0x04034b50) break; // past the last local header
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + size);
    if (entryName === name) return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at = start + size;
  }
  throw new Error(`no zip entry ${name}`);
}
