import { clerkListResponseSchema, reportResponseSchema, type Clerk } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useDebouncedTick } from '../api/use-debounced-tick.js';
import { useResource } from '../api/use-resource.js';
import { ReportCharts } from '../charts/report-charts.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useText } from '../i18n/use-text.js';
import { nameIn } from '../logic/names.js';
import { useLive } from '../store/live-store.js';
import { useSession } from '../store/session-store.js';

/** "Hôm nay": the live queue per service and counter, and today's charts. */
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
  const clerks = useResource(async () => (await api.get('/api/admin/clerks', clerkListResponseSchema)).clerks, [api, tick]);
  if (!hub) return <p>{t('loading')}</p>;
  const { catalog } = hub;
  const clerkAt = new Map<number, Clerk>((clerks.data ?? []).filter((c) => c.counter !== null).map((c) => [c.counter!, c]));
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
        <Tile label={t('countersOpen')} value={`${catalog.counters.filter((c) => c.status === 'open').length}/${catalog.counters.length}`} />
        <Tile label={t('issuedToday')} value={report.data?.totals.issued ?? '–'} testId="tile-issued" />
        <Tile label={t('servedToday')} value={report.data?.totals.served ?? '–'} testId="tile-served" />
      </div>
      {report.error ? <ErrorBanner error={report.error} /> : report.data ? <ReportCharts charts={report.data.charts} /> : <p>{t('loading')}</p>}
      <div className="two-columns">
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
                  <td className="num">{t('minutes', { n: service.estWaitMin })}</td>
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
                <th scope="col">{t('nowServing')}</th>
                <th scope="col">{t('clerk')}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.counters.map((counter) => (
                <tr key={counter.number} data-testid={`today-counter-${counter.number}`}>
                  <td>
                    <strong>{counter.number}</strong>
                    <small className="muted"> {counter.serviceIds.map((id) => serviceName.get(id) ?? id).join(', ')}</small>
                  </td>
                  <td>
                    <span className={counter.status === 'open' ? 'badge badge-ok' : 'badge badge-muted'}>{counter.status === 'open' ? t('counterOpen') : t('counterPaused')}</span>
                  </td>
                  <td className="ticket">{counter.current ?? '—'}</td>
                  <td>{clerkAt.get(counter.number)?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

function Tile({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
