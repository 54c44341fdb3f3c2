import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/**
 * The shell serves its own copy of the renderer under `layso://app/…` for the
 * settings screen, which must work when the hub is unreachable (that is when its
 * address needs fixing). Vite builds with base '/counter/', so `/counter/x` maps to
 * `dist/x`; anything that is not a file gets index.html (the page routes itself).
 */
export const APP_SCHEME = 'layso';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const SETTINGS_URL = `${APP_ORIGIN}/counter/settings`;
const BASE = '/counter/';

export function resolveAppFile(distDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, ''));
  } catch {
    return null;
  }
  const root = normalize(distDir);
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  return isFile(candidate) ? candidate : join(root, 'index.html');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
