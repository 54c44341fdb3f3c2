/** The kiosk page: header, status banners, the current screen, and the busy cover. */
import { useCallback, useEffect } from 'react';
import type { KioskBridge } from '../main/bridge-api.js';
import { BusyOverlay } from './components/busy-overlay.js';
import { HeaderBar } from './components/header-bar.js';
import { StatusBanners } from './components/status-banners.js';
import { useArrowFocus } from './hooks/use-arrow-focus.js';
import { useIdleReturn } from './hooks/use-idle-return.js';
import { usePrinterHealth } from './hooks/use-printer-health.js';
import { useScans } from './hooks/use-scans.js';
import { useKiosk, useKioskStoreApi } from './store/kiosk-context.js';
import { CardRefusedScreen, CardScreen } from './screens/card-screen.js';
import { CheckinScreen } from './screens/checkin-screen.js';
import { ErrorScreen } from './screens/error-screen.js';
import { HomeScreen } from './screens/home-screen.js';
import { PriorityAreasScreen } from './screens/priority-areas-screen.js';
import { PriorityScreen } from './screens/priority-screen.js';
import { ServicesScreen } from './screens/services-screen.js';
import { TicketScreen } from './screens/ticket-screen.js';
import { WaitingScreen } from './screens/waiting-screen.js';

function CurrentScreen() {
  const screen = useKiosk((s) => s.screen);
  const catalog = useKiosk((s) => s.hub?.catalog ?? null);
  if (!catalog) return <WaitingScreen />;
  switch (screen.name) {
    case 'home':
      return <HomeScreen catalog={catalog} />;
    case 'services':
      return <ServicesScreen catalog={catalog} areaId={screen.areaId} priority={screen.priority} />;
    case 'priority':
      return <PriorityScreen catalog={catalog} />;
    case 'priority-areas':
      return <PriorityAreasScreen catalog={catalog} priority={screen.priority} />;
    case 'ticket':
      return <TicketScreen catalog={catalog} ticket={screen.ticket} print={screen.print} checkedIn={screen.checkedIn} />;
    case 'checkin':
      return <CheckinScreen entry={screen.entry} error={screen.error} />;
    case 'error':
      return <ErrorScreen kind={screen.kind} />;
    case 'card':
      return <CardScreen fullName={screen.fullName} phase={screen.phase} error={screen.error} />;
    case 'card-refused':
      return <CardRefusedScreen reason={screen.reason} />;
  }
}

export function App({ bridge }: { bridge: KioskBridge | null }) {
  const language = useKiosk((s) => s.language);
  const ready = useKiosk((s) => s.hub !== null);
  const bigText = useKiosk((s) => s.bigText);
  useIdleReturn();
  useArrowFocus();
  usePrinterHealth(bridge);
  const store = useKioskStoreApi();
  useScans(bridge, useCallback((payload: string) => store.getState().scan(payload), [store]));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    // On <html>: the layout is drawn in rem, so the theme scales the root size there.
    document.documentElement.classList.toggle('big-text', bigText);
  }, [bigText]);
  useEffect(() => {
    // For the benchmark and field diagnostics: when the first usable screen appeared.
    if (ready && performance.getEntriesByName('kiosk:ready').length === 0) performance.mark('kiosk:ready');
  }, [ready]);
  return (
    <div className="kiosk" data-big-text={bigText}>
      <HeaderBar bridge={bridge} />
      <StatusBanners />
      <CurrentScreen />
      <BusyOverlay />
    </div>
  );
}
