/**
 * Windows printer queues: the raw ESC/POS bytes are written to the queue's share,
 * `\\localhost\POS80` for a printer on this PC or `\\PC-QUAY1\POS80` for one shared by
 * another PC, as `copy /b ticket.bin \\localhost\POS80` would. The spooler passes a
 * job written this way to the printer unchanged (a RAW job), so no driver renders it.
 * Windows has no `lp`; this is what `printer:NAME` means there. One-way like `lp`:
 * status is always unknown on this path.
 */
import { open } from 'node:fs/promises';
import { PrinterError } from './printer-errors.js';
import type { PrinterConnection } from './printer-connection.js';

export interface WindowsShareOptions {
  /** The UNC path of the share (`\\localhost\POS80`), or where a test maps it. */
  path: string;
  /** How the address reads in messages (`printer:POS80`). */
  label: string;
  timeoutMs: number;
}

/** `\\HOST\SHARE`; the local PC is `localhost`. */
export function uncPathFor(target: { name: string; host?: string }): string {
  return `\\\\${target.host ?? 'localhost'}\\${target.name}`;
}

/** Why a write failed, in words an installer can act on. */
function explain(error: NodeJS.ErrnoException, path: string): string {
  switch (error.code) {
    case 'ENOENT':
    case 'EINVAL':
    case 'ENXIO':
      return `no printer share ${path} (share the printer: Printer properties → Sharing → share name without spaces)`;
    case 'EACCES':
    case 'EPERM':
      return `access to ${path} denied (give the kiosk's Windows user the Print permission on the share)`;
    default:
      return `${path}: ${error.message}`;
  }
}

export async function sendToWindowsShare(bytes: Buffer, options: WindowsShareOptions): Promise<void> {
  const fail = (message: string, cause?: unknown) => new PrinterError('OS_PRINTER_FAILED', `${options.label}: ${message}`, { cause });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fail(`${options.path} did not take the job within ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  const write = (async () => {
    // 'w': one job per write, as `lp` makes one job per call.
    const file = await open(options.path, 'w');
    try {
      await file.write(bytes);
    } finally {
      await file.close();
    }
  })().catch((error: unknown) => {
    throw fail(explain(error as NodeJS.ErrnoException, options.path), error);
  });
  try {
    await Promise.race([write, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function openWindowsShareConnection(options: WindowsShareOptions): PrinterConnection {
  return {
    canRead: false,
    write: (bytes) => sendToWindowsShare(bytes, options),
    readByte: () => Promise.resolve(undefined),
    discardInput: () => undefined,
    close: () => Promise.resolve(),
  };
}
