/**
 * Pages live behind the hash (`/admin#/devices`) so the hub's single index.html
 * serves every page and a reload stays on it.
 */
import { useSyncExternalStore } from 'react';
import type { TextKey } from '../i18n/strings.js';

export const PAGES = [
  { id: 'today', label: 'navToday' },
  { id: 'services', label: 'navServices' },
  { id: 'counters', label: 'navCounters' },
  { id: 'devices', label: 'navDevices' },
  { id: 'reports', label: 'navReports' },
  { id: 'operations', label: 'navOperations' },
  { id: 'clerks', label: 'navClerks' },
  { id: 'settings', label: 'navSettings' },
  { id: 'notifications', label: 'navNotifications' },
  { id: 'audit', label: 'navAudit' },
  { id: 'voice', label: 'navVoice' },
  { id: 'backup', label: 'navBackup' },
] as const satisfies readonly { id: string; label: TextKey }[];

export type PageId = (typeof PAGES)[number]['id'];

function current(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return PAGES.some((p) => p.id === id) ? (id as PageId) : 'today';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function usePage(): PageId {
  return useSyncExternalStore(subscribe, current);
}

export function hrefOf(page: PageId): string {
  return `#/${page}`;
}
