import { useState } from 'react';
import { auditListResponseSchema, formatDateTime } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useResource } from '../api/use-resource.js';
import { ErrorBanner } from '../components/error-banner.js';
import { useText } from '../i18n/use-text.js';
import { describeChange } from '../logic/audit-change.js';
import { useTimeZone } from '../store/live-store.js';

const PAGE_SIZE = 50;

/** "Nhật ký": who changed what, newest first, paged with `beforeId`. */
export function AuditPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  // The `beforeId` of each page seen, so "newest" and "older" move through them.
  const [cursor, setCursor] = useState<number | null>(null);
  const page = useResource(() => api.get(`/api/admin/audit?limit=${PAGE_SIZE}${cursor ? `&beforeId=${cursor}` : ''}`, auditListResponseSchema), [api, cursor]);
  return (
    <div className="page" data-testid="page-audit">
      <div className="page-head">
        <h1>{t('auditTitle')}</h1>
        <div className="row-actions">
          <button type="button" disabled={cursor === null} onClick={() => setCursor(null)}>
            {t('newest')}
          </button>
          <button type="button" disabled={!page.data?.nextBeforeId} onClick={() => setCursor(page.data!.nextBeforeId)} data-testid="audit-older">
            {t('older')} →
          </button>
        </div>
      </div>
      <ErrorBanner error={page.error} />
      {page.data?.entries.length === 0 && <p className="muted">{t('noEntries')}</p>}
      {page.data && page.data.entries.length > 0 && (
        <table className="table audit" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.at, timeZone)}</td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target ?? '—'}</td>
                <td>
                  <pre className="change">{describeChange(entry.before, entry.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
