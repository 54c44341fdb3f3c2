/** Browser tests load the built page from the hub: fail early and clearly if it is missing. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KIOSK_INDEX = fileURLToPath(new URL('../../dist/index.html', import.meta.url));

export function assertKioskBuilt(): void {
  if (!existsSync(KIOSK_INDEX)) {
    throw new Error(`The kiosk page is not built (${KIOSK_INDEX} is missing): run pnpm build:web first.`);
  }
}
