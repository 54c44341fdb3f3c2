import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebRoots {
  kiosk: string;
  counterDisplay: string;
  /** The admin console (apps/hub/admin). */
  admin?: string;
}

/**
 * Where the built renderers are. The production bundle (dist/hub.mjs) carries them
 * next to itself in web/; from source they are the apps' own dist/ folders. The same
 * `import.meta.url` serves both: in the bundle it is hub.mjs, from source this file.
 */
export function defaultWebRoots(): WebRoots {
  const bundled = fileURLToPath(new URL('./web/', import.meta.url));
  if (existsSync(bundled)) return { kiosk: join(bundled, 'kiosk'), counterDisplay: join(bundled, 'counter-display'), admin: join(bundled, 'admin') };
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  return { kiosk: join(repoRoot, 'apps/kiosk/dist'), counterDisplay: join(repoRoot, 'apps/counter-display/dist'), admin: join(repoRoot, 'apps/hub/admin/dist') };
}
