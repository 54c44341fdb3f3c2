import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_ANNOUNCEMENT, type CenterConfig, type WeekdayKey } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useConfig } from '../api/use-config.js';
import { useAction } from '../api/use-resource.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import type { TextKey } from '../i18n/strings.js';
import { useText } from '../i18n/use-text.js';
import { draftToHours, hoursToDraft, type HoursDraft } from '../logic/opening-hours-form.js';

// Monday first, as a Vietnamese calendar reads.
const WEEK: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Draft {
  name: string;
  nameEn: string;
  timeZone: string;
  hours: HoursDraft;
  policy: 'strict' | 'interleaved';
  every: string;
  windowMin: string;
  checkInRequired: boolean;
  personalDataDays: string;
  volume: string;
  repeat: string;
  boardNotice: string;
  serviceLevelMin: string;
  defaultServiceMinutes: string;
  backupHour: string;
  backupKeepDays: string;
}

function draftOf(config: CenterConfig): Draft {
  const announcement = config.announcement ?? DEFAULT_ANNOUNCEMENT;
  return {
    name: config.name,
    nameEn: config.nameEn ?? '',
    timeZone: config.timeZone,
    hours: hoursToDraft(config.openingHours),
    policy: config.priorityPolicy.policy,
    every: config.priorityPolicy.policy === 'interleaved' ? String(config.priorityPolicy.every) : '3',
    windowMin: String(config.online.windowMin),
    checkInRequired: config.online.checkInRequired,
    personalDataDays: String(config.online.personalDataDays),
    volume: String(announcement.volume),
    repeat: String(announcement.repeat),
    boardNotice: config.boardNotice ?? '',
    serviceLevelMin: String(config.reports.serviceLevelMin),
    defaultServiceMinutes: String(config.defaultServiceMinutes),
    backupHour: String(config.backup.hour),
    backupKeepDays: String(config.backup.keepDays),
  };
}

function bodyOf(d: Draft) {
  return {
    name: d.name,
    nameEn: d.nameEn.trim() ? d.nameEn : null,
    timeZone: d.timeZone,
    openingHours: draftToHours(d.hours),
    priorityPolicy: d.policy === 'strict' ? { policy: 'strict' } : { policy: 'interleaved', every: Number(d.every) },
    online: { windowMin: Number(d.windowMin), checkInRequired: d.checkInRequired, personalDataDays: Number(d.personalDataDays) },
    announcement: { volume: Number(d.volume), repeat: Number(d.repeat) },
    boardNotice: d.boardNotice.trim() ? d.boardNotice : null,
    reports: { serviceLevelMin: Number(d.serviceLevelMin) },
    defaultServiceMinutes: Number(d.defaultServiceMinutes),
    backup: { hour: Number(d.backupHour), keepDays: Number(d.backupKeepDays) },
  };
}

/** "Cài đặt": the center-wide settings in one form, saved with PUT /api/admin/settings. */
export function SettingsPage() {
  const t = useText();
  const api = useApi();
  const config = useConfig();
  const action = useAction();
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (config.data) setDraft(draftOf(config.data.config));
  }, [config.data]);
  if (!draft) return config.error ? <ErrorBanner error={config.error} /> : <p>{t('loading')}</p>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const setInterval = (day: WeekdayKey, index: 0 | 1, edge: 'open' | 'close', value: string) => {
    const hours = { ...draft.hours, [day]: draft.hours[day].map((i, k) => (k === index ? { ...i, [edge]: value } : i)) };
    set('hours', hours as HoursDraft);
  };
  const error = action.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      config.apply(await api.put('/api/admin/settings', bodyOf(draft)));
      return t('saved');
    });
  };
  const input = (key: keyof Draft, path: string, label: TextKey, props: Record<string, unknown> = {}) => (
    <Field label={t(label)} path={path} error={error}>
      <input name={key} value={draft[key] as string} onChange={(e) => set(key, e.target.value as never)} {...props} />
    </Field>
  );

  return (
    <form className="page settings" onSubmit={submit} data-testid="page-settings">
      <div className="page-head">
        <h1>{t('settingsTitle')}</h1>
        <button type="submit" className="primary" disabled={action.busy} data-testid="settings-save">
          {action.busy ? t('saving') : t('save')}
        </button>
      </div>
      <ErrorBanner
        error={error}
        known={['name', 'nameEn', 'timeZone', 'openingHours', 'priorityPolicy', 'every', 'windowMin', 'checkInRequired', 'personalDataDays', 'volume', 'repeat', 'boardNotice', 'serviceLevelMin', 'defaultServiceMinutes', 'hour', 'keepDays', ...WEEK.flatMap((d) => [0, 1].flatMap((i) => [`${d}.${i}.open`, `${d}.${i}.close`, `${d}.${i}`]))]}
      />
      <SuccessBanner message={action.done} />
      <fieldset className="card grid-form">
        <legend>{t('centerName')}</legend>
        {input('name', 'name', 'centerName', { required: true })}
        {input('nameEn', 'nameEn', 'centerNameEn')}
        {input('timeZone', 'timeZone', 'timeZone', { required: true })}
      </fieldset>
      <fieldset className="card">
        <legend>{t('openingHours')}</legend>
        <p className="muted">{t('openingHoursHint')}</p>
        <table className="table hours">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" colSpan={2}>
                {t('morning')}
              </th>
              <th scope="col" colSpan={2}>
                {t('afternoon')}
              </th>
            </tr>
          </thead>
          <tbody>
            {WEEK.map((day) => (
              <tr key={day} data-testid={`hours-${day}`}>
                <th scope="row">{t(`weekday_${day}` as TextKey)}</th>
                {([0, 1] as const).flatMap((index) =>
                  (['open', 'close'] as const).map((edge) => (
                    <td key={`${index}${edge}`}>
                      <Field label={`${t(`weekday_${day}` as TextKey)} · ${t(index === 0 ? 'morning' : 'afternoon')} · ${t(edge === 'open' ? 'from' : 'to')}`} path={`openingHours.${day}.${index}.${edge}`} error={error} className="compact">
                        <input value={draft.hours[day][index][edge]} onChange={(e) => setInterval(day, index, edge, e.target.value)} placeholder="HH:mm" inputMode="numeric" maxLength={5} />
                      </Field>
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="card grid-form">
        <legend>{t('priorityPolicy')}</legend>
        <label className="check span-all">
          <input type="radio" name="policy" checked={draft.policy === 'strict'} onChange={() => set('policy', 'strict')} /> {t('policyStrict')}
        </label>
        <label className="check span-all">
          <input type="radio" name="policy" checked={draft.policy === 'interleaved'} onChange={() => set('policy', 'interleaved')} /> {t('policyInterleaved', { n: draft.every || 'N' })}
        </label>
        {draft.policy === 'interleaved' && input('every', 'priorityPolicy.every', 'interleaveEvery', { type: 'number', min: 1, max: 50 })}
      </fieldset>
      <fieldset className="card grid-form">
        <legend>{t('onlineSettings')}</legend>
        {input('windowMin', 'online.windowMin', 'onlineWindow', { type: 'number', min: 1 })}
        {input('personalDataDays', 'online.personalDataDays', 'personalDataDays', { type: 'number', min: 1, max: 365 })}
        <label className="check span-all">
          <input type="checkbox" checked={draft.checkInRequired} onChange={(e) => set('checkInRequired', e.target.checked)} /> {t('checkInRequired')}
        </label>
      </fieldset>
      <fieldset className="card grid-form">
        <legend>{t('announcement')}</legend>
        {input('volume', 'announcement.volume', 'volume', { type: 'number', min: 0, max: 100 })}
        {input('repeat', 'announcement.repeat', 'repeat', { type: 'number', min: 1, max: 3 })}
        <Field label={t('boardNotice')} path="boardNotice" error={error} hint={t('boardNoticeHint')} className="span-all">
          <textarea name="boardNotice" rows={2} maxLength={500} value={draft.boardNotice} onChange={(e) => set('boardNotice', e.target.value)} />
        </Field>
      </fieldset>
      <fieldset className="card grid-form">
        <legend>{t('serviceLevel')}</legend>
        {input('serviceLevelMin', 'reports.serviceLevelMin', 'serviceLevelMin', { type: 'number', min: 1, max: 240 })}
        {input('defaultServiceMinutes', 'defaultServiceMinutes', 'defaultServiceMinutes', { type: 'number', min: 0.5, max: 240, step: 0.5 })}
      </fieldset>
      <fieldset className="card grid-form">
        <legend>{t('backupSettings')}</legend>
        {input('backupHour', 'backup.hour', 'backupHour', { type: 'number', min: 0, max: 23 })}
        {input('backupKeepDays', 'backup.keepDays', 'backupKeepDays', { type: 'number', min: 1, max: 365 })}
      </fieldset>
    </form>
  );
}
