import { useEffect, useState, type FormEvent } from 'react';
import { formatNumber, ratingSummarySchema, reportResponseSchema, type ReportFigures, type ReportGroupBy, type ReportResponse } from '@layso/shared';
import { saveDownload } from '../api/admin-api.js';
import { useApi } from '../api/use-api.js';
import { useAction } from '../api/use-resource.js';
import { ReportCharts } from '../charts/report-charts.js';
import { DayInput } from '../components/day-input.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import type { TextKey } from '../i18n/strings.js';
import { useText } from '../i18n/use-text.js';
import { displayDay, presetRange, RANGE_PRESETS, type RangePreset } from '../logic/date-range.js';
import { useLive } from '../store/live-store.js';
import { useSession } from '../store/session-store.js';
import type { RatingSummary } from '@layso/shared';

const PRESET_LABELS: Record<RangePreset, TextKey> = {
  today: 'presetToday',
  '7days': 'preset7Days',
  thisMonth: 'presetThisMonth',
  lastMonth: 'presetLastMonth',
  thisYear: 'presetThisYear',
};

type Language = 'vi' | 'en';

/** Each column and, under the table, what its figure means (`help`). */
const COLUMNS: readonly { key: TextKey; help: TextKey; value(f: ReportFigures, language: Language): string }[] = [
  { key: 'colIssued', help: 'helpIssued', value: (f, l) => formatNumber(f.issued, l) },
  { key: 'colWalkIn', help: 'helpWalkIn', value: (f, l) => formatNumber(f.walkIn, l) },
  { key: 'colOnline', help: 'helpOnline', value: (f, l) => formatNumber(f.online, l) },
  { key: 'colPriority', help: 'helpPriority', value: (f, l) => formatNumber(f.priority, l) },
  { key: 'colServed', help: 'helpServed', value: (f, l) => formatNumber(f.served, l) },
  { key: 'colNoShow', help: 'helpNoShow', value: (f, l) => formatNumber(f.noShow, l) },
  { key: 'colExpired', help: 'helpExpired', value: (f, l) => formatNumber(f.expired, l) },
  { key: 'colCancelled', help: 'helpCancelled', value: (f, l) => formatNumber(f.cancelled, l) },
  { key: 'colAvgWait', help: 'helpAvgWait', value: (f, l) => minutes(f.avgWaitMin, l) },
  { key: 'colP90Wait', help: 'helpP90Wait', value: (f, l) => minutes(f.p90WaitMin, l) },
  { key: 'colMaxWait', help: 'helpMaxWait', value: (f, l) => minutes(f.maxWaitMin, l) },
  { key: 'colAvgService', help: 'helpAvgService', value: (f, l) => minutes(f.avgServiceMin, l) },
  { key: 'colServiceLevel', help: 'helpServiceLevel', value: (f, l) => percent(f.serviceLevel, l) },
  { key: 'colNoShowRate', help: 'helpNoShowRate', value: (f, l) => percent(f.noShowRate, l) },
  { key: 'colSatisfied', help: 'helpSatisfied', value: (f, l) => percent(f.ratings.satisfiedShare, l) },
];

/** Nothing happened in this row: no ticket issued, served or closed. */
function isEmpty(f: ReportFigures): boolean {
  return f.issued + f.served + f.noShow + f.expired + f.cancelled + f.transferred === 0;
}

function minutes(value: number | null, language: Language): string {
  return value === null ? '—' : formatNumber(value, language, 1);
}

function percent(share: number | null, language: Language): string {
  return share === null ? '—' : formatNumber(share * 100, language, 0);
}

type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** The one target every service was held to, or null when services have their own. */
function sharedTarget(report: ReportResponse): number | null {
  const targets = new Set(Object.values(report.targets));
  if (targets.size === 0) return report.serviceLevelMin;
  return targets.size === 1 ? [...targets][0]! : null;
}

/** A column's header (and its help): the service level names its minutes when there is one target. */
function columnText(t: Translate, key: TextKey, report: ReportResponse): string {
  const shared = sharedTarget(report);
  if (shared === null && key === 'colServiceLevel') return t('colServiceLevelOwn');
  if (shared === null && key === 'helpServiceLevel') return t('helpServiceLevelOwn');
  return t(key, { n: shared ?? report.serviceLevelMin });
}

/** "Tư pháp 15 phút, Visa 30 phút": each service's target, when they differ. */
function targetsText(t: Translate, report: ReportResponse, language: Language, names: ReadonlyMap<string, string>): string {
  return Object.entries(report.targets)
    .map(([id, n]) => t('targetOfService', { service: names.get(id) ?? id, n: formatNumber(n, language) }))
    .join(', ');
}

/** The totals in words: what a director reads first. */
function summaryText(t: Translate, report: ReportResponse, language: Language): string[] {
  const f = report.totals;
  const lines = [t('summaryIssued', { issued: formatNumber(f.issued, language), served: formatNumber(f.served, language), noShow: formatNumber(f.noShow, language) })];
  if (f.avgWaitMin !== null) lines.push(t('summaryAvgWait', { n: minutes(f.avgWaitMin, language) }));
  if (f.p90WaitMin !== null) lines.push(t('summaryP90', { n: minutes(f.p90WaitMin, language) }));
  if (f.maxWaitMin !== null) lines.push(t('summaryMaxWait', { n: minutes(f.maxWaitMin, language) }));
  const shared = sharedTarget(report);
  if (f.serviceLevel !== null) lines.push(shared === null ? t('summaryServiceLevelOwn', { share: percent(f.serviceLevel, language) }) : t('summaryServiceLevel', { share: percent(f.serviceLevel, language), n: shared }));
  if (f.noShowRate !== null) lines.push(t('summaryNoShowRate', { share: percent(f.noShowRate, language) }));
  return lines;
}

/** "Báo cáo": figures for a date range by service, counter or clerk, charts, CSV/XLSX export. */
export function ReportsPage() {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const today = useLive((s) => s.hub?.catalog.day) ?? new Date().toISOString().slice(0, 10);
  const catalog = useLive((s) => s.hub?.catalog);
  const serviceNames = new Map((catalog?.areas ?? []).flatMap((area) => area.services.map((service) => [service.id, language === 'en' ? (service.nameEn ?? service.name) : service.name] as const)));
  const [range, setRange] = useState(() => presetRange('today', today));
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('service');
  const [report, setReport] = useState<ReportResponse | null>(null);
  const [ratings, setRatings] = useState<RatingSummary | null>(null);
  const [hideEmpty, setHideEmpty] = useState(true);
  // Empty: the center's own target (Cài đặt → service level).
  const [serviceLevelMin, setServiceLevelMin] = useState('');
  const action = useAction();
  const download = useAction();
  const query = `from=${range.from}&to=${range.to}&groupBy=${groupBy}${serviceLevelMin.trim() ? `&serviceLevelMin=${encodeURIComponent(serviceLevelMin.trim())}` : ''}`;

  const run = (event?: FormEvent) => {
    event?.preventDefault();
    void action.run(async () => {
      setReport(await api.get(`/api/admin/reports?${query}`, reportResponseSchema));
      // Ratings are a second, optional view: the report stands without them.
      setRatings(await api.get(`/api/ratings/summary?from=${range.from}&to=${range.to}`, ratingSummarySchema).catch(() => null));
    });
  };
  // Today's figures straight away: the most common question.
  useEffect(() => run(), []);
  const exportAs = (format: 'csv' | 'xlsx') =>
    void download.run(async () => {
      saveDownload(await api.download(`/api/admin/reports/export?${query}&format=${format}&lang=${language}`, `bao-cao-${range.from}-${range.to}.${format}`));
    });

  return (
    <div className="page" data-testid="page-reports">
      <div className="page-head">
        <h1>{t('reportsTitle')}</h1>
      </div>
      <form className="card report-form" onSubmit={run} data-testid="report-form">
        <div className="presets" role="group" aria-label={t('reportsTitle')}>
          {RANGE_PRESETS.map((preset) => {
            const value = presetRange(preset, today);
            const pressed = value.from === range.from && value.to === range.to;
            return (
              <button key={preset} type="button" aria-pressed={pressed} className={pressed ? 'pressed' : undefined} onClick={() => setRange(value)} data-testid={`preset-${preset}`}>
                {t(PRESET_LABELS[preset])}
              </button>
            );
          })}
        </div>
        <Field label={t('fromDate')} path="from" error={action.error}>
          <DayInput name="from" value={range.from} onChange={(from) => setRange({ ...range, from })} />
        </Field>
        <Field label={t('toDate')} path="to" error={action.error}>
          <DayInput name="to" value={range.to} onChange={(to) => setRange({ ...range, to })} />
        </Field>
        <Field label={t('groupBy')} path="groupBy" error={action.error}>
          <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.target.value as ReportGroupBy)}>
            <option value="service">{t('groupBy_service')}</option>
            <option value="counter">{t('groupBy_counter')}</option>
            <option value="clerk">{t('groupBy_clerk')}</option>
          </select>
        </Field>
        <Field label={t('serviceLevelMin')} path="serviceLevelMin" error={action.error}>
          <input name="serviceLevelMin" type="number" min={1} max={240} value={serviceLevelMin} placeholder={report ? String(report.serviceLevelMin) : ''} onChange={(e) => setServiceLevelMin(e.target.value)} />
        </Field>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={action.busy} data-testid="report-run">
            {action.busy ? t('loading') : t('run')}
          </button>
          <button type="button" onClick={() => exportAs('csv')} disabled={download.busy} data-testid="export-csv">
            {t('downloadCsv')}
          </button>
          <button type="button" onClick={() => exportAs('xlsx')} disabled={download.busy} data-testid="export-xlsx">
            {t('downloadXlsx')}
          </button>
        </div>
      </form>
      <ErrorBanner error={action.error ?? download.error} known={['from', 'to', 'groupBy', 'serviceLevelMin']} />
      {report && (
        <>
          <h2>
            {displayDay(report.from)} – {displayDay(report.to)} · {t(`groupBy_${report.groupBy}`)}
          </h2>
          <ul className="report-summary" data-testid="report-summary">
            {summaryText(t, report, language).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <label className="check">
            <input type="checkbox" checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} data-testid="hide-empty" /> {t('hideEmptyRows')}
          </label>
          {report.rows.length === 0 ? (
            <p className="muted">{t('noRows')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table report-table" data-testid="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t(`groupBy_${report.groupBy}`)}</th>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" className="num" title={columnText(t, c.help, report)}>
                        {columnText(t, c.key, report)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.rows.filter((row) => !hideEmpty || !isEmpty(row)).map((row) => (
                    <tr key={row.key} data-testid={`report-row-${row.key || 'none'}`}>
                      <th scope="row">{language === 'en' ? row.labelEn : row.label}</th>
                      {COLUMNS.map((c) => (
                        <td key={c.key} className="num">
                          {c.value(row, language)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-testid="report-totals">
                    <th scope="row">{t('total')}</th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} className="num">
                        {c.value(report.totals, language)}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <details className="report-help" data-testid="report-help">
            <summary>{t('helpTitle')}</summary>
            <dl>
              {COLUMNS.map((c) => (
                <div key={c.key}>
                  <dt>{columnText(t, c.key, report)}</dt>
                  <dd>{columnText(t, c.help, report)}</dd>
                </div>
              ))}
              {sharedTarget(report) === null && (
                <div data-testid="report-targets">
                  <dt>{t('targetsTitle')}</dt>
                  <dd>{targetsText(t, report, language, serviceNames)}</dd>
                </div>
              )}
            </dl>
          </details>
          <ReportCharts charts={report.charts} />
        </>
      )}
      {ratings && ratings.total > 0 && <RatingsCard summary={ratings} />}
    </div>
  );
}

function RatingsCard({ summary }: { summary: RatingSummary }) {
  const t = useText();
  return (
    <section className="card" aria-labelledby="ratings-title" data-testid="ratings">
      <h2 id="ratings-title">{t('ratingsTitle')}</h2>
      <p>{t('ratingsTotal', { n: summary.total, share: `${Math.round(summary.satisfiedShare * 100)}%` })}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('counter')}</th>
            <th scope="col" className="num">
              {t('total')}
            </th>
            <th scope="col" className="num">
              {t('colSatisfied')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.byCounter.map((row) => (
            <tr key={row.key}>
              <td>{row.key}</td>
              <td className="num">{row.total}</td>
              <td className="num">{Math.round(row.satisfiedShare * 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
