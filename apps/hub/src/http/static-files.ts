import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Serves a file of a mounted SPA; returns false when no mount claims the path. */
export function serveStatic(mounts: readonly SpaMount[], pathname: string, req: IncomingMessage, res: ServerResponse): boolean {
  const mount = mounts.find((m) => pathname === m.prefix || pathname.startsWith(`${m.prefix}/`));
  if (!mount) return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(mount.prefix.length));
  } catch {
    relative = '';
  }
  const root = normalize(mount.root);
  const candidate = normalize(join(root, relative));
  // Never serve outside the mount's root, whatever the path says.
  const insideRoot = candidate === root || candidate.startsWith(root + sep);
  const indexFile = join(root, mount.index ?? 'index.html');
  const file = insideRoot && isFile(candidate) ? candidate : indexFile;
  if (!isFile(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This page has not been built yet: run `pnpm build:web`.');
    return true;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed assets can be cached for good; the HTML must always be fresh.
    'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') return res.end(), true;
  createReadStream(file).pipe(res);
  return true;
}
