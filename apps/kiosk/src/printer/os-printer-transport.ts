/**
 * USB printers installed as an OS printer queue: the bytes go to CUPS with
 * `lp -d NAME -o raw`, which passes them to the printer unchanged. One-way: CUPS
 * gives no ESC/POS status back, so status is always unknown on this path.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { PrinterError } from './printer-errors.js';
import type { PrinterConnection } from './printer-connection.js';

export type SpawnLike = (
  command: string,
  args: readonly string[],
  options: { stdio: ['pipe', 'ignore', 'pipe'] },
) => ChildProcessByStdio<Writable, null, Readable>;

export interface OsPrinterOptions {
  name: string;
  /** `lp` by default; another path for tests or a non-standard CUPS install. */
  lpCommand?: string;
  spawn?: SpawnLike;
  timeoutMs: number;
}

/** `-o raw` stops CUPS from running the bytes through a text or image filter. */
export function buildLpArgs(name: string): string[] {
  return ['-d', name, '-o', 'raw'];
}

export function sendToOsPrinter(bytes: Buffer, options: OsPrinterOptions): Promise<void> {
  const command = options.lpCommand ?? 'lp';
  const spawn = options.spawn ?? (nodeSpawn as SpawnLike);
  return new Promise((resolve, reject) => {
    const fail = (message: string, cause?: unknown) =>
      reject(new PrinterError('OS_PRINTER_FAILED', `printer:${options.name}: ${message}`, { cause }));
    const child = spawn(command, buildLpArgs(options.name), { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      fail(`${command} did not finish within ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.code === 'ENOENT' ? `${command} not found (is CUPS installed?)` : error.message, error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else fail(`${command} exited with code ${code}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
    });
    // A spooler that exits early closes the pipe; its exit code tells why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(bytes);
  });
}

export function openOsPrinterConnection(options: OsPrinterOptions): PrinterConnection {
  return {
    canRead: false,
    write: (bytes) => sendToOsPrinter(bytes, options),
    readByte: () => Promise.resolve(undefined),
    discardInput: () => undefined,
    close: () => Promise.resolve(),
  };
}
