import { useState, type FormEvent } from 'react';
import type { AreaConfig, ServiceConfig } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useConfig } from '../api/use-config.js';
import { useAction } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { useText } from '../i18n/use-text.js';
import { nameIn } from '../logic/names.js';
import { useSession } from '../store/session-store.js';

const SERVICE_FIELDS = ['id', 'name', 'nameEn', 'prefix', 'dailyLimit', 'onlineQuota', 'targetWaitMin', 'active', 'areaId'];

/** "Lĩnh vực & khu vực": areas and their services, with pause/resume. */
export function ServicesPage() {
  const t = useText();
  const api = useApi();
  const language = useSession((s) => s.language);
  const config = useConfig();
  const action = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  if (!config.data) return config.error ? <ErrorBanner error={config.error} /> : <p>{t('loading')}</p>;
  const { areas } = config.data.config;
  const centerTarget = config.data.config.reports.serviceLevelMin;

  const mutate = (method: 'post' | 'put' | 'delete', path: string, body?: unknown) =>
    action.run(async () => {
      const response = method === 'delete' ? await api.delete(path) : await api[method](path, body);
      config.apply(response);
      setEditing(null);
      setAdding(null);
      return t('saved');
    });

  return (
    <div className="page" data-testid="page-services">
      <div className="page-head">
        <h1>{t('servicesTitle')}</h1>
      </div>
      <ErrorBanner error={action.error} known={editing || adding ? SERVICE_FIELDS : []} />
      <SuccessBanner message={action.done} />
      {areas.map((area) => (
        <section key={area.id} className="card" aria-labelledby={`area-${area.id}`} data-testid={`area-${area.id}`}>
          <AreaHeader area={area} onSave={(body) => mutate('put', `/api/admin/areas/${area.id}`, body)} onDelete={() => mutate('delete', `/api/admin/areas/${area.id}`)} />
          {area.services.length === 0 ? (
            <p className="muted">{t('emptyArea')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('prefix')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col" className="num">
                    {t('dailyLimit')}
                  </th>
                  <th scope="col" className="num">
                    {t('onlineQuota')}
                  </th>
                  <th scope="col" className="num">
                    {t('targetWaitMin')}
                  </th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {area.services.map((service) =>
                  editing === service.id ? (
                    <tr key={service.id}>
                      <td colSpan={7}>
                        <ServiceForm
                          initial={service}
                          areaId={area.id}
                          areas={areas}
                          error={action.error}
                          busy={action.busy}
                          onCancel={() => setEditing(null)}
                          onSubmit={({ id: _id, ...body }) => void mutate('put', `/api/admin/services/${service.id}`, body)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={service.id} data-testid={`service-${service.id}`}>
                      <td className="prefix">{service.prefix}</td>
                      <td>
                        {nameIn(language, service)}
                        <small className="muted"> ({service.id})</small>
                      </td>
                      <td className="num">{service.dailyLimit}</td>
                      <td className="num">{service.onlineQuota ?? '—'}</td>
                      <td className="num" data-testid={`service-target-${service.id}`}>
                        {service.targetWaitMin ?? <span className="muted">{t('targetWaitCenter', { n: centerTarget })}</span>}
                      </td>
                      <td>
                        {!service.active ? (
                          <span className="badge badge-muted">{t('serviceInactive')}</span>
                        ) : service.paused ? (
                          <span className="badge badge-warn">{t('servicePaused')}</span>
                        ) : (
                          <span className="badge badge-ok">{t('active')}</span>
                        )}
                      </td>
                      <td>
                  <div className="row-actions compact">
                        <button type="button" onClick={() => setEditing(service.id)} aria-label={`${t('edit')} ${service.name}`}>
                          {t('edit')}
                        </button>
                        {service.paused ? (
                          <button type="button" onClick={() => void mutate('post', `/api/admin/services/${service.id}/resume`)} data-testid={`resume-${service.id}`}>
                            {t('resume')}
                          </button>
                        ) : (
                          <ConfirmButton question={t('confirmPause', { name: service.name })} onConfirm={() => mutate('post', `/api/admin/services/${service.id}/pause`)} testId={`pause-${service.id}`}>
                            {t('pause')}
                          </ConfirmButton>
                        )}
                        <ConfirmButton className="danger" question={t('confirmDeleteService', { name: service.name })} onConfirm={() => mutate('delete', `/api/admin/services/${service.id}`)}>
                          {t('delete')}
                        </ConfirmButton>
                      </div>
                </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
          {adding === area.id ? (
            <ServiceForm areaId={area.id} areas={areas} error={action.error} busy={action.busy} onCancel={() => setAdding(null)} onSubmit={(body) => void mutate('post', '/api/admin/services', body)} />
          ) : (
            <button type="button" onClick={() => setAdding(area.id)} data-testid={`add-service-${area.id}`}>
              + {t('newService')}
            </button>
          )}
        </section>
      ))}
      <NewAreaForm error={adding === '__area' ? action.error : null} busy={action.busy} onOpen={() => setAdding('__area')} onSubmit={(body) => mutate('post', '/api/admin/areas', body)} />
    </div>
  );
}

function AreaHeader({ area, onSave, onDelete }: { area: AreaConfig; onSave(body: object): Promise<boolean>; onDelete(): Promise<boolean> }) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(area.name);
  const [nameEn, setNameEn] = useState(area.nameEn ?? '');
  if (!open) {
    return (
      <div className="card-head">
        <h2 id={`area-${area.id}`}>
          {area.name} {area.nameEn && <small className="muted">· {area.nameEn}</small>}
        </h2>
        <div className="row-actions">
          <button type="button" onClick={() => setOpen(true)}>
            {t('edit')}
          </button>
          {area.services.length === 0 && (
            <ConfirmButton className="danger" question={t('confirmDeleteArea', { name: area.name })} onConfirm={onDelete}>
              {t('delete')}
            </ConfirmButton>
          )}
        </div>
      </div>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ name, nameEn: nameEn.trim() ? nameEn : null }).then((ok) => ok && setOpen(false));
      }}
    >
      <Field label={t('name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field label={t('nameEn')}>
        <input value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </Field>
      <FormActions onCancel={() => setOpen(false)} />
    </form>
  );
}

interface ServiceBody {
  id: string;
  areaId: string;
  name: string;
  nameEn?: string | null;
  prefix: string;
  dailyLimit: number;
  onlineQuota?: number | null;
  targetWaitMin?: number | null;
  active: boolean;
}

function ServiceForm(props: {
  initial?: ServiceConfig;
  areaId: string;
  areas: readonly AreaConfig[];
  error: unknown;
  busy: boolean;
  onCancel(): void;
  onSubmit(body: ServiceBody): void;
}) {
  const t = useText();
  const { initial } = props;
  const [id, setId] = useState(initial?.id ?? '');
  const [areaId, setAreaId] = useState(props.areaId);
  const [name, setName] = useState(initial?.name ?? '');
  const [nameEn, setNameEn] = useState(initial?.nameEn ?? '');
  const [prefix, setPrefix] = useState(initial?.prefix ?? '');
  const [dailyLimit, setDailyLimit] = useState(String(initial?.dailyLimit ?? 999));
  const [onlineQuota, setOnlineQuota] = useState(initial?.onlineQuota === undefined ? '' : String(initial.onlineQuota));
  const [targetWaitMin, setTargetWaitMin] = useState(initial?.targetWaitMin === undefined ? '' : String(initial.targetWaitMin));
  const [active, setActive] = useState(initial?.active ?? true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ServiceBody = { id, areaId, name, prefix, dailyLimit: Number(dailyLimit), active };
    if (nameEn.trim()) body.nameEn = nameEn;
    else if (initial?.nameEn) body.nameEn = null;
    if (onlineQuota.trim()) body.onlineQuota = Number(onlineQuota);
    else if (initial?.onlineQuota !== undefined) body.onlineQuota = null;
    if (targetWaitMin.trim()) body.targetWaitMin = Number(targetWaitMin);
    else if (initial?.targetWaitMin !== undefined) body.targetWaitMin = null;
    props.onSubmit(body);
  };
  const error = props.error;
  return (
    <form className="inline-form grid-form" onSubmit={submit} data-testid="service-form">
      {!initial && (
        <Field label={t('id')} path="id" error={error} hint={t('idHint')}>
          <input name="id" value={id} onChange={(e) => setId(e.target.value)} required pattern="[a-z0-9][a-z0-9-]*" />
        </Field>
      )}
      <Field label={t('name')} path="name" error={error}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field label={t('nameEn')} path="nameEn" error={error}>
        <input name="nameEn" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </Field>
      <Field label={t('prefix')} path="prefix" error={error}>
        <input name="prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} required inputMode="numeric" maxLength={2} size={3} />
      </Field>
      <Field label={t('dailyLimit')} path="dailyLimit" error={error}>
        <input name="dailyLimit" type="number" min={1} max={999} value={dailyLimit} onChange={(e) => setDailyLimit(e.target.value)} />
      </Field>
      <Field label={t('onlineQuota')} path="onlineQuota" error={error}>
        <input name="onlineQuota" type="number" min={0} max={999} value={onlineQuota} onChange={(e) => setOnlineQuota(e.target.value)} />
      </Field>
      <Field label={t('targetWaitMin')} path="targetWaitMin" error={error} hint={t('targetWaitHint')}>
        <input name="targetWaitMin" type="number" min={1} max={240} value={targetWaitMin} onChange={(e) => setTargetWaitMin(e.target.value)} />
      </Field>
      {initial && (
        <Field label={t('area')} path="areaId" error={error}>
          <select value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            {props.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <label className="check">
        <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('active')}
      </label>
      <FormActions onCancel={props.onCancel} disabled={props.busy} saving={props.busy} saveTestId="service-save" />
    </form>
  );
}

function NewAreaForm({ error, busy, onOpen, onSubmit }: { error: unknown; busy: boolean; onOpen(): void; onSubmit(body: object): Promise<boolean> }) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          onOpen();
        }}
        data-testid="add-area"
      >
        + {t('newArea')}
      </button>
    );
  }
  return (
    <form
      className="card inline-form grid-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit({ id, name, ...(nameEn.trim() ? { nameEn } : {}) }).then((ok) => ok && setOpen(false));
      }}
    >
      <h2>{t('newArea')}</h2>
      <Field label={t('id')} path="id" error={error} hint={t('idHint')}>
        <input name="id" value={id} onChange={(e) => setId(e.target.value)} required />
      </Field>
      <Field label={t('name')} path="name" error={error}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field label={t('nameEn')} path="nameEn" error={error}>
        <input name="nameEn" value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
      </Field>
      <FormActions onCancel={() => setOpen(false)} disabled={busy} />
    </form>
  );
}
