import { useState, type FormEvent } from 'react';
import { auditActorsResponseSchema, auditListResponseSchema, clerkListResponseSchema, startOfServiceDay } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useResource } from '../api/use-resource.js';
import { DayInput } from '../components/day-input.js';
import { ErrorBanner } from '../components/error-banner.js';
import { AUDIT_KIND_LIST } from '../i18n/audit-strings.js';
import { useText } from '../i18n/use-text.js';
import { auditActorText, auditSentences, auditTimeText } from '../logic/audit-text.js';
import { useTimeZone } from '../store/live-store.js';

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

interface Filters {
  actor: string;
  kind: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: '', kind: '', from: '', to: '' };

/** "Nhật ký": who changed what, as sentences, newest first, filtered by person, kind and day, paged with `beforeId`. */
export function AuditPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  // The `beforeId` of each page seen, so "newest" and "older" move through them.
  const [cursor, setCursor] = useState<number | null>(null);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const actors = useResource(() => api.get('/api/admin/audit/actors', auditActorsResponseSchema), [api]);
  const clerks = useResource(() => api.get('/api/admin/clerks', clerkListResponseSchema), [api]);
  const clerkNames = new Map((clerks.data?.clerks ?? []).map((c) => [c.code, c.name]));
  const page = useResource(() => api.get(`/api/admin/audit?${auditQuery(filters, cursor, timeZone)}`, auditListResponseSchema), [api, cursor, filters, timeZone]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setCursor(null);
    setFilters(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setCursor(null);
  };
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
      <form className="card inline-form grid-form" onSubmit={apply} data-testid="audit-filters">
        <div className="field">
          <label htmlFor="audit-actor">{t('auditPerson')}</label>
          <select id="audit-actor" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })}>
            <option value="">{t('auditAllPeople')}</option>
            {(actors.data?.actors ?? []).map((a) => (
              <option key={a.actor} value={a.actor}>
                {auditActorText(t, { actor: a.actor, actorName: a.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-kind">{t('auditKind')}</label>
          <select id="audit-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t('auditAllKinds')}</option>
            {AUDIT_KIND_LIST.map((kind) => (
              <option key={kind} value={kind}>
                {t(`auditKind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('auditFrom')}</label>
          <DayInput optional id="audit-from" name="from" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('auditTo')}</label>
          <DayInput optional id="audit-to" name="to" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </div>
        <div className="row-actions">
          <button type="submit" className="primary" data-testid="audit-apply">
            {t('auditFilter')}
          </button>
          <button type="button" onClick={clear}>
            {t('auditClear')}
          </button>
        </div>
      </form>
      <ErrorBanner error={page.error} />
      {page.data?.entries.length === 0 && <p className="muted">{t('noEntries')}</p>}
      {page.data && page.data.entries.length > 0 && (
        <table className="table audit" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.entries.map((entry) => (
              <tr key={entry.id} data-testid={`audit-entry-${entry.id}`}>
                <td className="nowrap">{auditTimeText(entry, timeZone)}</td>
                <td>{auditActorText(t, entry)}</td>
                <td>
                  {auditSentences(t, entry, timeZone, clerkNames).map((line) => (
                    <div key={line} className="audit-sentence">
                      {line}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The list's query: paging, person, kind, and whole days in the center's time (`to` inclusive). */
function auditQuery(filters: Filters, cursor: number | null, timeZone: string): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) query.set('beforeId', String(cursor));
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.from) query.set('from', new Date(startOfServiceDay(filters.from, timeZone)).toISOString());
  // The day after `to` begins at its local midnight (noon + a day lands on the next day whatever the DST).
  if (filters.to) query.set('to', new Date(startOfServiceDay(nextDay(filters.to), timeZone)).toISOString());
  return query.toString();
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
