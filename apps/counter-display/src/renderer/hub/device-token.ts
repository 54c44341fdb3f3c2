import { readDeviceToken } from '@layso/shared/client';

/** One token per page origin: a device is provisioned for one role. */
export const TOKEN_STORAGE_KEY = 'layso.counter-display.token';

export function loadDeviceToken(): string | null {
  try {
    return readDeviceToken(TOKEN_STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy mode): the screen then works for this visit only.
    const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    return hash.get('token');
  }
}
