import { useEffect, useState } from 'react';
import { adminTodayResponseSchema, formatWait, reportResponseSchema, type CounterFloor } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useDebouncedTick } from '../api/use-debounced-tick.js';
import { useResource } from '../api/use-resource.js';
import { ReportCharts } from '../charts/report-charts.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useText } from '../i18n/use-text.js';
import { counterStateText, durationText } from '../logic/floor-text.js';
import { nameIn } from '../logic/names.js';
import { useLive } from '../store/live-store.js';
import { useSession } from '../store/session-store.js';

/** Consoles going on- or offline send no queue event: the floor is also refetched this often. */
const FLOOR_REFRESH_MS = 10_000;

/** Re-renders every `ms` (for "serving for 2 minutes" and the polling above). */
function useTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}

/**
 * "Hôm nay": the live queue per service and counter, and today's charts. Each counter
 * shows what is true now (GET /api/admin/today): clerk signed in or not, console online
 * or not, serving which number for how long, paused, or waiting to call.
 */
export function TodayPage() {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const hub = useLive((s) => s.hub);
  const tick = useDebouncedTick(useLive((s) => s.queueTick));
  const day = hub?.catalog.day;
  const report = useResource(
    async () => (day ? api.get(`/api/admin/reports?from=${day}&to=${day}&groupBy=counter`, reportResponseSchema) : null),
    [api, day, tick],
  );
  const poll = useTick(FLOOR_REFRESH_MS);
  const floor = useResource(async () => {
    const answer = await api.get('/api/admin/today', adminTodayResponseSchema);
    // The hub's clock, not the browser's, says how long a number has been served.
    return { ...answer, offsetMs: Date.parse(answer.now) - Date.now() };
  }, [api, tick, poll]);
  if (!hub) return <p>{t('loading')}</p>;
  const { catalog } = hub;
  const hubNow = Date.now() + (floor.data?.offsetMs ?? 0);
  const floorAt = new Map<number, CounterFloor>((floor.data?.counters ?? []).map((c) => [c.number, c]));
  const oldestOf = new Map((floor.data?.services ?? []).map((s) => [s.serviceId, s.oldestWaitingSince]));
  const floorCounters = floor.data?.counters ?? [];
  const services = catalog.areas.flatMap((area) => area.services.map((service) => ({ area, service })));
  const serviceName = new Map(services.map(({ service }) => [service.id, nameIn(language, service)]));
  const totalWaiting = services.reduce((sum, { service }) => sum + service.waiting, 0);

  return (
    <div className="page" data-testid="page-today">
      <div className="page-head">
        <h1>{t('todayTitle')}</h1>
        <span className={catalog.open ? 'badge badge-ok' : 'badge badge-muted'} data-testid="center-open">
          {catalog.open ? t('centerOpen') : t('centerClosed')}
        </span>
      </div>
      <div className="tiles">
        <Tile label={t('totalWaiting')} value={totalWaiting} testId="tile-waiting" />
        <Tile label={t('countersOpen')} value={floor.data ? `${floorCounters.filter((c) => c.state === 'serving').length}/${floorCounters.length}` : '–'} testId="tile-serving" />
        <Tile label={t('clerksSignedIn')} value={floor.data ? floorCounters.filter((c) => c.clerk).length : '–'} testId="tile-clerks" />
        <Tile label={t('consolesOnline')} value={floor.data ? `${floorCounters.filter((c) => c.consoleOnline).length}/${floorCounters.length}` : '–'} testId="tile-consoles" />
        <Tile label={t('issuedToday')} value={report.data?.totals.issued ?? '–'} testId="tile-issued" />
        <Tile label={t('servedToday')} value={report.data?.totals.served ?? '–'} testId="tile-served" />
      </div>
      {floor.error ? <ErrorBanner error={floor.error} /> : null}
      {report.error ? <ErrorBanner error={report.error} /> : report.data ? <ReportCharts charts={report.data.charts} /> : <p>{t('loading')}</p>}
      {/* One above the other: the counters table has four columns of words. */}
      <div className="stacked">
        <section aria-labelledby="today-services">
          <h2 id="today-services">{t('service')}</h2>
          <table className="table" data-testid="today-services">
            <thead>
              <tr>
                <th scope="col">{t('service')}</th>
                <th scope="col" className="num">
                  {t('waiting')}
                </th>
                <th scope="col">{t('nowServing')}</th>
                <th scope="col" className="num">
                  {t('longestWait')}
                </th>
                <th scope="col" className="num">
                  {t('estWait')}
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map(({ area, service }) => (
                <tr key={service.id} data-testid={`today-service-${service.id}`} className={service.active && !service.paused ? undefined : 'row-muted'}>
                  <td>
                    <span className="prefix">{service.prefix}</span> {nameIn(language, service)}
                    <small className="muted"> · {nameIn(language, area)}</small>
                    {service.paused && <span className="badge badge-warn">{t('servicePaused')}</span>}
                    {!service.active && <span className="badge badge-muted">{t('serviceInactive')}</span>}
                    {service.full && <span className="badge badge-warn">{t('serviceFull')}</span>}
                  </td>
                  <td className="num" data-testid="waiting">
                    {service.waiting}
                  </td>
                  <td className="ticket">{service.current ?? '—'}</td>
                  <td className="num nowrap" data-testid="longest-wait">
                    {oldestOf.get(service.id) ? durationText(t, hubNow - Date.parse(oldestOf.get(service.id)!)) : '—'}
                  </td>
                  {/* The words a citizen taking a ticket now is told (kiosk, paper, phone page). */}
                  <td className="num nowrap" data-testid="estimate">
                    {formatWait(service.estWaitMin, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="today-counters">
          <h2 id="today-counters">{t('counter')}</h2>
          <table className="table" data-testid="today-counters">
            <thead>
              <tr>
                <th scope="col">{t('counter')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('clerk')}</th>
                <th scope="col">{t('counterConsole')}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.counters.map((counter) => {
                const now = floorAt.get(counter.number);
                return (
                  <tr key={counter.number} data-testid={`today-counter-${counter.number}`}>
                    <td>
                      <strong>{counter.number}</strong>
                      <small className="muted"> {counter.serviceIds.map((id) => serviceName.get(id) ?? id).join(', ')}</small>
                    </td>
                    <td data-testid="counter-state">
                      {now ? <span className={STATE_BADGE[now.state]}>{counterStateText(t, now, hubNow)}</span> : '…'}
                    </td>
                    <td className="nowrap" data-testid="counter-clerk">{now ? now.clerk ? now.clerk.name : <span className="muted">{t('noClerk')}</span> : '…'}</td>
                    <td data-testid="counter-console">
                      {now ? <span className={now.consoleOnline ? 'badge badge-ok' : 'badge badge-warn'}>{now.consoleOnline ? t('consoleOnline') : t('consoleOffline')}</span> : '…'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

const STATE_BADGE: Record<CounterFloor['state'], string> = { serving: 'badge badge-ok', paused: 'badge badge-warn', idle: 'badge badge-muted' };

function Tile({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
