import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { pageCsp } from './security-headers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.webmanifest': 'application/manifest+json',
};

/** A built single-page app mounted at a URL prefix (e.g. /kiosk → apps/kiosk/dist). */
export interface SpaMount {
  prefix: string;
  root: string;
  /** The HTML file served for any path that is not an asset (client-side routing). */
  index?: string;
}

/** An open regular file: opened once, so what was checked is what is sent. */
interface OpenFile {
  path: string;
  fd: number;
  stat: Stats;
}

/**
 * `path` resolved through every symlink, when it stays inside `root` (itself real):
 * a link in a web root pointing elsewhere (/etc, the data folder) is not followed.
 */
function realInside(root: string, path: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  return real === root || real.startsWith(root + sep) ? real : null;
}

/**
 * Opens a regular file. O_NONBLOCK so a FIFO planted in a web root cannot block the
 * hub's only thread in open(2); fstat on the open descriptor, so a file swapped for
 * a directory or removed after the check is not what gets read.
 */
function openRegular(path: string | null): OpenFile | null {
  if (path === null) return null;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { path, fd, stat };
  } catch {
    // Treated as missing below.
  }
  closeSync(fd);
  return null;
}

/** Vite's build output: `assets/<name>-<hash>.<ext>`; its content never changes under that name. */
const HASHED_ASSET = /^[\w.-]+-[\w-]{8,}\.[a-z0-9]+$/i;

function isContentHashed(relative: string): boolean {
  return relative.startsWith('/assets/') && HASHED_ASSET.test(basename(relative));
}

/** Serves a file of a mounted SPA; returns false when no mount claims the path. */
export function serveStatic(mounts: readonly SpaMount[], pathname: string, req: IncomingMessage, res: ServerResponse, log: (message: string, error?: unknown) => void = () => {}): boolean {
  const mount = mounts.find((m) => pathname === m.prefix || pathname.startsWith(`${m.prefix}/`));
  if (!mount) return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(mount.prefix.length));
  } catch {
    relative = '';
  }
  let root: string | null = null;
  try {
    root = realpathSync(mount.root);
  } catch {
    // Not built: answered below.
  }
  const asset = root === null || relative === '' || relative === '/' ? null : openRegular(realInside(root, join(root, relative)));
  const file = asset ?? (root === null ? null : openRegular(realInside(root, join(root, mount.index ?? 'index.html'))));
  if (!file) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This page has not been built yet: run `pnpm build:web`.');
    return true;
  }
  const immutable = asset !== null && isContentHashed(relative);
  // Everything else (index.html, voice clips, icons) is revalidated on each use: an
  // updated clip reaches the boards at once, an unchanged one costs a 304.
  const etag = `W/"${file.stat.size.toString(16)}-${Math.floor(file.stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extname(file.path)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'Last-Modified': file.stat.mtime.toUTCString(),
  };
  const unchanged = !immutable && req.headers['if-none-match'] === etag;
  if (file.path.endsWith('.html')) {
    // Pages are small and read whole: their CSP allows their own inline blocks by hash.
    // A 304 carries that CSP too: the browser replaces the cached page's headers with the
    // 304's, and the default policy would then block the page's inline boot style.
    let html: string;
    try {
      html = readFileSync(file.fd, 'utf8');
    } catch (error) {
      log(`could not read ${file.path}`, error);
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      res.end('This page could not be read from the disk.');
      return true;
    } finally {
      closeSync(file.fd);
    }
    const csp = pageCsp(html);
    if (unchanged) {
      res.writeHead(304, { ...headers, 'Content-Security-Policy': csp });
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(html), 'Content-Security-Policy': csp });
    res.end(req.method === 'HEAD' ? undefined : html);
    return true;
  }
  if (unchanged) {
    closeSync(file.fd);
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': file.stat.size });
  if (req.method === 'HEAD') {
    closeSync(file.fd);
    res.end();
    return true;
  }
  // A read error (EIO, a failing disk) once the headers are out can only cut the answer
  // short: pipeline destroys both sides and closes the file; it must not end the hub.
  pipeline(createReadStream('', { fd: file.fd }), res, (error) => {
    // A client that hung up is no fault of the file.
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`reading ${file.path} failed`, error);
  });
  return true;
}
