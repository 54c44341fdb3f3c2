import { backupListResponseSchema, formatDateTime } from '@layso/shared';
import { saveDownload } from '../api/admin-api.js';
import { useApi } from '../api/use-api.js';
import { useAction, useResource } from '../api/use-resource.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useText } from '../i18n/use-text.js';
import { displayDay } from '../logic/date-range.js';
import { useTimeZone } from '../store/live-store.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "Sao lưu": download a copy now; the nightly backups kept on the hub. */
export function BackupPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const list = useResource(() => api.get('/api/admin/backups', backupListResponseSchema), [api]);
  const download = useAction();
  return (
    <div className="page" data-testid="page-backup">
      <div className="page-head">
        <h1>{t('backupTitle')}</h1>
      </div>
      <section className="card">
        <p>{t('backupNowHint')}</p>
        <button type="button" className="primary" disabled={download.busy} onClick={() => void download.run(async () => saveDownload(await api.download('/api/admin/backup', 'layso-backup.sqlite')))} data-testid="backup-now">
          {download.busy ? t('loading') : t('backupNow')}
        </button>
        <ErrorBanner error={download.error} />
      </section>
      <ErrorBanner error={list.error} />
      {list.data && (
        <section aria-labelledby="nightly-title">
          <h2 id="nightly-title">{t('nightlyBackups', { hour: String(list.data.hour).padStart(2, '0'), days: list.data.keepDays })}</h2>
          {list.data.backups.length === 0 ? (
            <p className="muted">{t('noBackups')}</p>
          ) : (
            <table className="table" data-testid="backup-list">
              <thead>
                <tr>
                  <th scope="col">{t('day')}</th>
                  <th scope="col">{t('fileName')}</th>
                  <th scope="col" className="num">
                    {t('size')}
                  </th>
                  <th scope="col">{t('createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.backups.map((b) => (
                  <tr key={b.fileName}>
                    <td>{displayDay(b.day)}</td>
                    <td>
                      <code>{b.fileName}</code>
                    </td>
                    <td className="num">{size(b.sizeBytes)}</td>
                    <td>{formatDateTime(b.createdAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
