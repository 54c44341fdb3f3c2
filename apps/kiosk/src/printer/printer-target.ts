/**
 * Where the ticket goes, written as one string in the kiosk config:
 * - `tcp://192.168.1.50:9100`: network printer, raw port 9100 (the default);
 * - `serial:///dev/ttyUSB0?baudRate=9600` (or `serial:///COM3` on Windows);
 * - `printer:NAME`: a printer queue of the OS, printed raw: through CUPS `lp` on Linux,
 *   through the queue's share `\\localhost\NAME` on Windows;
 * - `printer:\\HOST\SHARE` (Windows): a queue another PC shares.
 */
import { PrinterError } from './printer-errors.js';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'os'; name: string; host?: string };

const DEFAULT_TCP_PORT = 9100;
/** Factory default of Epson and Xprinter serial interfaces. */
const DEFAULT_BAUD_RATE = 9600;

export function parsePrinterTarget(text: string): PrinterTarget {
  const bad = (why: string) => new PrinterError('BAD_CONFIG', `printer address "${text}": ${why}`);
  if (text.startsWith('printer:\\\\')) {
    const share = /^([A-Za-z0-9._-]+)\\([^\s/\\#]+)$/.exec(text.slice('printer:\\\\'.length));
    if (!share) throw bad('expected printer:\\\\HOST\\SHARE with a share name without spaces');
    return { kind: 'os', name: share[2]!, host: share[1]! };
  }
  if (text.startsWith('printer:')) {
    const name = decodeURIComponent(text.slice('printer:'.length));
    if (!/^[^\s/\\#]+$/.test(name)) throw bad('expected printer:NAME with a queue name (CUPS) or share name (Windows)');
    return { kind: 'os', name };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('not a URL (tcp://host:port, serial:///dev/ttyUSB0, printer:NAME)');
  }
  if (url.protocol === 'tcp:') {
    if (!url.hostname) throw bad('missing host');
    const port = url.port === '' ? DEFAULT_TCP_PORT : Number(url.port);
    return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
  }
  if (url.protocol === 'serial:') {
    const raw = decodeURIComponent(url.pathname);
    // serial:///COM3 has pathname "/COM3"; Windows wants "COM3".
    const path = /^\/COM\d+$/i.test(raw) ? raw.slice(1) : raw;
    if (path === '' || path === '/') throw bad('missing device path');
    const baudText = url.searchParams.get('baudRate');
    const baudRate = baudText === null ? DEFAULT_BAUD_RATE : Number(baudText);
    if (!Number.isInteger(baudRate) || baudRate <= 0) throw bad(`bad baudRate "${baudText}"`);
    return { kind: 'serial', path, baudRate };
  }
  throw bad(`unknown scheme "${url.protocol}"`);
}

export function describeTarget(target: PrinterTarget): string {
  switch (target.kind) {
    case 'tcp':
      return `tcp://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    case 'serial':
      return `serial://${target.path.startsWith('/') ? '' : '/'}${target.path}?baudRate=${target.baudRate}`;
    case 'os':
      return target.host === undefined ? `printer:${target.name}` : `printer:\\\\${target.host}\\${target.name}`;
  }
}
