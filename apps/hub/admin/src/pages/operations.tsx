import { useApi } from '../api/use-api.js';
import { useConfig } from '../api/use-config.js';
import { useAction } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { useText } from '../i18n/use-text.js';
import { displayDay } from '../logic/date-range.js';
import { nameIn } from '../logic/names.js';
import { useSession } from '../store/session-store.js';

/** "Vận hành": close the day early or reopen it, pause and resume services, with confirmations. */
export function OperationsPage() {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const config = useConfig();
  const action = useAction();
  if (!config.data) return config.error ? <ErrorBanner error={config.error} /> : <p>{t('loading')}</p>;
  const { dayState } = config.data;
  const post = (path: string) =>
    action.run(async () => {
      config.apply(await api.post(path));
      return t('saved');
    });

  return (
    <div className="page" data-testid="page-operations">
      <div className="page-head">
        <h1>{t('operationsTitle')}</h1>
      </div>
      <ErrorBanner error={action.error} />
      <SuccessBanner message={action.done} />
      <section className="card" aria-labelledby="day-title">
        <div className="card-head">
          <h2 id="day-title">{t('dayState', { day: displayDay(dayState.day) })}</h2>
          <span className={dayState.open ? 'badge badge-ok' : 'badge badge-muted'} data-testid="day-open">
            {dayState.closedEarly ? t('closedEarly') : dayState.open ? t('centerOpen') : t('centerClosed')}
          </span>
        </div>
        {dayState.closedEarly ? (
          <ConfirmButton className="primary" question={t('confirmReopenDay')} onConfirm={() => post('/api/admin/day/reopen')} testId="reopen-day">
            {t('reopenDay')}
          </ConfirmButton>
        ) : (
          <ConfirmButton className="danger" question={t('confirmCloseDay')} onConfirm={() => post('/api/admin/day/close')} testId="close-day">
            {t('closeDay')}
          </ConfirmButton>
        )}
      </section>
      <section className="card" aria-labelledby="pause-title">
        <h2 id="pause-title">{t('pausedServices')}</h2>
        <table className="table">
          <tbody>
            {config.data.config.areas
              .flatMap((area) => area.services.map((service) => ({ area, service })))
              // Paused services first: they are the ones to bring back.
              .sort((a, b) => Number(Boolean(b.service.paused)) - Number(Boolean(a.service.paused)))
              .map(({ area, service }) => (
                <tr key={service.id} data-testid={`op-service-${service.id}`}>
                  <td className="prefix">{service.prefix}</td>
                  <td>
                    {nameIn(language, service)} <small className="muted">· {nameIn(language, area)}</small>
                  </td>
                  <td>{service.paused ? <span className="badge badge-warn">{t('servicePaused')}</span> : <span className="badge badge-ok">{t('active')}</span>}</td>
                  <td>
                    {service.paused ? (
                      <button type="button" onClick={() => void post(`/api/admin/services/${service.id}/resume`)}>
                        {t('resume')}
                      </button>
                    ) : (
                      <ConfirmButton question={t('confirmPause', { name: service.name })} onConfirm={() => post(`/api/admin/services/${service.id}/pause`)}>
                        {t('pause')}
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
