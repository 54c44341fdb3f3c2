/**
 * A page served by the hub is provisioned by a link ending in `#token=…` (printed by
 * the demo, or given by pairing). The token is moved to localStorage and removed from
 * the address bar so it is not left on screen or in the history.
 */
export function readDeviceToken(storageKey: string, location: Location = window.location, storage: Storage = window.localStorage): string | null {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromLink = hash.get('token');
  if (fromLink) {
    storage.setItem(storageKey, fromLink);
    hash.delete('token');
    const rest = hash.toString();
    window.history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromLink;
  }
  return storage.getItem(storageKey);
}

/** Stores a token received by pairing where `readDeviceToken` finds it, as a provisioning link would. */
export function saveDeviceToken(storageKey: string, token: string, storage: Storage = window.localStorage): void {
  storage.setItem(storageKey, token);
}
