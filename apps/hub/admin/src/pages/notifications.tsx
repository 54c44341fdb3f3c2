import { formatDateTime, notificationListSchema } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useResource } from '../api/use-resource.js';
import { ErrorBanner } from '../components/error-banner.js';
import type { TextKey } from '../i18n/strings.js';
import { useText } from '../i18n/use-text.js';
import { useTimeZone } from '../store/live-store.js';

const TONE = { sent: 'badge-ok', pending: 'badge-warn', failed: 'badge-bad', cancelled: 'badge-muted' } as const;

/** "Thông báo": the citizen notification outbox (SMS, e-mail, Zalo) and how each message fared. */
export function NotificationsPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const list = useResource(async () => (await api.get('/api/notifications', notificationListSchema)).notifications, [api]);
  return (
    <div className="page" data-testid="page-notifications">
      <div className="page-head">
        <h1>{t('notificationsTitle')}</h1>
        <button type="button" onClick={() => void list.reload()}>
          {t('refresh')}
        </button>
      </div>
      <ErrorBanner error={list.error} />
      {list.data?.length === 0 && <p className="muted">{t('noNotifications')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="notification-list">
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('recipient')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col" className="num">
                {t('attempts')}
              </th>
              <th scope="col">{t('sentAt')}</th>
              <th scope="col">{t('lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((n) => (
              <tr key={n.id}>
                <td className="nowrap">{formatDateTime(n.createdAt, timeZone)}</td>
                <td>{t(`kind_${n.kind}` as TextKey)}</td>
                <td>{n.channel.toUpperCase()}</td>
                <td>{n.recipient}</td>
                <td>
                  <span className={`badge ${TONE[n.status]}`}>{t(`status_${n.status}` as TextKey)}</span>
                </td>
                <td className="num">{n.attempts}</td>
                <td className="nowrap">{n.sentAt ? formatDateTime(n.sentAt, timeZone) : '—'}</td>
                <td>{n.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
