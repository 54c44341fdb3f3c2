/** Gives components the kiosk store (one per page; tests create their own). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { KioskState, KioskStore } from './kiosk-store.js';

const KioskStoreContext = createContext<KioskStore | null>(null);

export function KioskStoreProvider({ store, children }: { store: KioskStore; children: ReactNode }) {
  return <KioskStoreContext.Provider value={store}>{children}</KioskStoreContext.Provider>;
}

export function useKioskStoreApi(): KioskStore {
  const store = useContext(KioskStoreContext);
  if (!store) throw new Error('KioskStoreProvider is missing');
  return store;
}

export function useKiosk<T>(selector: (state: KioskState) => T): T {
  return useStore(useKioskStoreApi(), selector);
}
