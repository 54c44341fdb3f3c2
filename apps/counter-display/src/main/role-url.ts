import type { ShellSettings } from './settings-schema.js';

/**
 * The page a role window loads: the renderer served by the hub, so every screen in
 * the building runs the build the hub has (one place to update) and talks to the hub
 * from its own origin. The token travels in the fragment, which the page moves to
 * its storage and removes from the address (it is never sent over HTTP).
 */
export function roleUrl(settings: ShellSettings): string {
  const params = new URLSearchParams();
  let path: string;
  switch (settings.role) {
    case 'counter':
      path = '/counter';
      if (settings.counter !== undefined) params.set('counter', String(settings.counter));
      break;
    case 'door':
      path = '/door';
      if (settings.counter !== undefined) params.set('counter', String(settings.counter));
      break;
    case 'board':
      path = '/board';
      if (settings.areas.length > 0) params.set('area', settings.areas.join(','));
      if (settings.layout === 'portrait') params.set('layout', 'portrait');
      if (settings.notice) params.set('notice', settings.notice);
      if (settings.volume !== 1) params.set('volume', String(settings.volume));
      if (settings.muted) params.set('mute', '1');
      break;
  }
  const query = params.toString();
  // Without a token (not paired yet) the page shows a pairing code.
  const fragment = settings.token === undefined ? '' : `#token=${encodeURIComponent(settings.token)}`;
  return `${settings.hubUrl}${path}${query ? `?${query}` : ''}${fragment}`;
}

/** Origins a role window may show: the hub's only. */
export function hubOrigin(settings: ShellSettings): string {
  return new URL(settings.hubUrl).origin;
}
