import { useState, type FormEvent } from 'react';
import type { AreaConfig, CounterConfig } from '@layso/shared';
import { issuesFor } from '../api/admin-api.js';
import { useApi } from '../api/use-api.js';
import { useConfig } from '../api/use-config.js';
import { useAction } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { OrderedPicker } from '../components/ordered-picker.js';
import { FormActions } from '../components/form-actions.js';
import { useText } from '../i18n/use-text.js';
import { nameIn } from '../logic/names.js';
import { fieldIssueText } from '../logic/error-text.js';
import { useSession } from '../store/session-store.js';

const COUNTER_FIELDS = ['number', 'name', 'areaId', 'serviceIds'];

/** "Quầy": counters, their area and the services they call, in order. */
export function CountersPage() {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const config = useConfig();
  const action = useAction();
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  if (!config.data) return config.error ? <ErrorBanner error={config.error} /> : <p>{t('loading')}</p>;
  const { areas, counters } = config.data.config;
  const serviceName = new Map(areas.flatMap((a) => a.services.map((s) => [s.id, `${s.prefix} · ${nameIn(language, s)}`] as const)));
  const areaName = new Map(areas.map((a) => [a.id, nameIn(language, a)]));

  const mutate = (method: 'post' | 'put' | 'delete', path: string, body?: unknown) =>
    action.run(async () => {
      config.apply(method === 'delete' ? await api.delete(path) : await api[method](path, body));
      setEditing(null);
      return t('saved');
    });

  return (
    <div className="page" data-testid="page-counters">
      <div className="page-head">
        <h1>{t('countersTitle')}</h1>
        {editing !== 'new' && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="add-counter">
            + {t('newCounter')}
          </button>
        )}
      </div>
      <ErrorBanner error={action.error} known={editing !== null ? COUNTER_FIELDS : []} />
      <SuccessBanner message={action.done} />
      {editing === 'new' && (
        <CounterForm areas={areas} error={action.error} busy={action.busy} onCancel={() => setEditing(null)} onSubmit={(body) => void mutate('post', '/api/admin/counters', body)} />
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('number')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('area')}</th>
            <th scope="col">{t('services')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {counters.map((counter) =>
            editing === counter.number ? (
              <tr key={counter.number}>
                <td colSpan={5}>
                  <CounterForm
                    initial={counter}
                    areas={areas}
                    error={action.error}
                    busy={action.busy}
                    onCancel={() => setEditing(null)}
                    onSubmit={(body) => void mutate('put', `/api/admin/counters/${counter.number}`, { ...body, name: body.name ?? null })}
                  />
                </td>
              </tr>
            ) : (
              <tr key={counter.number} data-testid={`counter-${counter.number}`}>
                <td>
                  <strong>{counter.number}</strong>
                </td>
                <td>{counter.name ?? t('counterNumber', { n: counter.number })}</td>
                <td>{areaName.get(counter.areaId) ?? counter.areaId}</td>
                <td>
                  <ol className="inline-list">
                    {counter.serviceIds.map((id) => (
                      <li key={id}>{serviceName.get(id) ?? id}</li>
                    ))}
                  </ol>
                </td>
                <td>
                  <div className="row-actions compact">
                  <button type="button" onClick={() => setEditing(counter.number)} aria-label={`${t('edit')} ${t('counterNumber', { n: counter.number })}`}>
                    {t('edit')}
                  </button>
                  <ConfirmButton className="danger" question={t('confirmDeleteCounter', { n: counter.number })} onConfirm={() => mutate('delete', `/api/admin/counters/${counter.number}`)}>
                    {t('delete')}
                  </ConfirmButton>
                </div>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

interface CounterBody {
  number: number;
  name?: string | null;
  areaId: string;
  serviceIds: string[];
}

function CounterForm(props: { initial?: CounterConfig; areas: readonly AreaConfig[]; error: unknown; busy: boolean; onCancel(): void; onSubmit(body: CounterBody): void }) {
  const t = useText();
  const language = useSession((s) => s.language);
  const { initial, areas, error } = props;
  const [number, setNumber] = useState(initial ? String(initial.number) : '');
  const [name, setName] = useState(initial?.name ?? '');
  const [areaId, setAreaId] = useState(initial?.areaId ?? areas[0]?.id ?? '');
  const [serviceIds, setServiceIds] = useState<string[]>(initial?.serviceIds ?? []);
  const options = areas.flatMap((a) => a.services.map((s) => ({ id: s.id, label: `${s.prefix} · ${nameIn(language, s)} (${nameIn(language, a)})` })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({ number: Number(number), areaId, serviceIds, ...(name.trim() ? { name } : {}) });
  };
  const serviceIssues = issuesFor(error, 'serviceIds').map((issue) => fieldIssueText(t, issue));
  return (
    <form className="card inline-form grid-form" onSubmit={submit} data-testid="counter-form">
      <Field label={t('number')} path="number" error={error}>
        <input name="number" type="number" min={1} max={999} value={number} onChange={(e) => setNumber(e.target.value)} required />
      </Field>
      <Field label={t('name')} path="name" error={error}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder={number ? t('counterNumber', { n: number }) : ''} />
      </Field>
      <Field label={t('area')} path="areaId" error={error}>
        <select name="areaId" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {nameIn(language, a)}
            </option>
          ))}
        </select>
      </Field>
      <div className="span-all">
        <OrderedPicker label={t('services')} options={options} value={serviceIds} onChange={setServiceIds} invalid={serviceIssues.length > 0} />
        {serviceIssues.length > 0 && (
          <small className="field-error" data-testid="field-error-serviceIds">
            {serviceIssues.join(' ')}
          </small>
        )}
      </div>
      <FormActions className="row-actions span-all" onCancel={props.onCancel} disabled={props.busy} saving={props.busy} saveTestId="counter-save" />
    </form>
  );
}
