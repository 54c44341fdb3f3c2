import { useEffect, useState, type FormEvent } from 'react';
import {
  deviceCommandResponseSchema,
  deviceResponseSchema,
  fleetResponseSchema,
  formatDateTime,
  type DeviceCommandName,
  type FleetDevice,
  type PairableRole,
} from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useConfig } from '../api/use-config.js';
import { useAction, useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import type { TextKey } from '../i18n/strings.js';
import { useText, type Translate } from '../i18n/use-text.js';
import { printerText } from '../logic/printer-text.js';
import { useTimeZone } from '../store/live-store.js';

const COMMAND_LABELS: Record<DeviceCommandName, TextKey> = {
  'reprint-last': 'cmdReprintLast',
  'test-print': 'cmdTestPrint',
  reload: 'cmdReload',
  'restart-app': 'cmdRestartApp',
};

/** "Thiết bị": the fleet, pairing a new device by its 6-digit code, rename, revoke, remote commands. */
export function DevicesPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const fleet = useResource(async () => (await api.get('/api/admin/devices', fleetResponseSchema)).devices, [api]);
  const action = useAction();
  const [renaming, setRenaming] = useState<number | null>(null);
  // Online/offline and printer states change without events: look again now and then.
  const { reload } = fleet;
  useEffect(() => {
    const timer = setInterval(() => void reload(), 15_000);
    return () => clearInterval(timer);
  }, [reload]);

  const command = (device: FleetDevice, name: DeviceCommandName) =>
    action.run(async () => {
      const answer = await api.post(`/api/admin/devices/${device.id}/commands`, { command: name }, deviceCommandResponseSchema);
      if (answer.timedOut || !answer.result) return t('cmdTimedOut');
      if (!answer.result.ok) throw new Error(t('cmdFailed', { message: answer.result.message ?? '' }));
      return t('cmdDone', { command: t(COMMAND_LABELS[name]) });
    });
  const revoke = (device: FleetDevice) =>
    action.run(async () => {
      await api.post(`/api/admin/devices/${device.id}/revoke`, undefined, deviceResponseSchema);
      await fleet.reload();
      return t('saved');
    });
  const rename = (device: FleetDevice, name: string) =>
    action.run(async () => {
      await api.put(`/api/admin/devices/${device.id}`, { name }, deviceResponseSchema);
      setRenaming(null);
      await fleet.reload();
      return t('saved');
    });

  return (
    <div className="page" data-testid="page-devices">
      <div className="page-head">
        <h1>{t('devicesTitle')}</h1>
        <button type="button" onClick={() => void fleet.reload()} data-testid="devices-refresh">
          {t('refresh')}
        </button>
      </div>
      <PairForm onPaired={() => void fleet.reload()} />
      <ErrorBanner error={action.error ?? fleet.error} known={renaming ? ['name'] : []} />
      <SuccessBanner message={action.done} />
      {fleet.data && fleet.data.length === 0 && <p className="muted">{t('noDevices')}</p>}
      {fleet.data && fleet.data.length > 0 && (
        <table className="table" data-testid="device-list">
          <thead>
            <tr>
              <th scope="col">{t('deviceName')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('lastSeen')}</th>
              <th scope="col">{t('appVersion')}</th>
              <th scope="col">{t('printer')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {fleet.data.map((device) => (
              <DeviceRow
                key={device.id}
                device={device}
                t={t}
                timeZone={timeZone}
                renaming={renaming === device.id}
                busy={action.busy}
                error={action.error}
                onRenameStart={() => setRenaming(device.id)}
                onRenameCancel={() => setRenaming(null)}
                onRename={(name) => void rename(device, name)}
                onRevoke={() => revoke(device)}
                onCommand={(name) => void command(device, name)}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DeviceRow(props: {
  device: FleetDevice;
  t: Translate;
  timeZone: string;
  renaming: boolean;
  busy: boolean;
  error: unknown;
  onRenameStart(): void;
  onRenameCancel(): void;
  onRename(name: string): void;
  onRevoke(): Promise<boolean>;
  onCommand(name: DeviceCommandName): void;
}) {
  const { device, t } = props;
  const [name, setName] = useState(device.name ?? '');
  const label = device.name ?? t('unnamed');
  const printer = printerText(t, device.printer);
  const revoked = device.revokedAt !== null;
  const commands = device.role === 'kiosk' ? (['reprint-last', 'test-print', 'reload', 'restart-app'] as const) : (['reload', 'restart-app'] as const);
  return (
    <tr data-testid={`device-${device.id}`} data-name={device.name ?? ''} className={revoked ? 'row-muted' : undefined}>
      <td>
        {props.renaming ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              props.onRename(name);
            }}
          >
            <Field label={t('deviceName')} path="name" error={props.error}>
              <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
            </Field>
            <FormActions onCancel={props.onRenameCancel} />
          </form>
        ) : (
          <strong>{label}</strong>
        )}
      </td>
      <td>
        <span data-testid="device-kind">{kindText(t, device)}</span>
        {device.counter !== null && <> · {t('counterNumber', { n: device.counter })}</>}
      </td>
      <td>
        {revoked ? (
          <span className="badge badge-muted">{t('revoked')}</span>
        ) : device.online ? (
          <span className="badge badge-ok" data-testid="device-online">
            {t('online')}
          </span>
        ) : (
          <span className="badge badge-bad">{t('offline')}</span>
        )}
      </td>
      <td>{device.lastSeenAt ? formatDateTime(device.lastSeenAt, props.timeZone) : t('never')}</td>
      <td>{device.appVersion ?? '—'}</td>
      <td>
        <span className={`tone-${printer.tone}`}>{printer.text}</span>
      </td>
      <td>
        {!revoked && (
          <div className="row-actions compact">
            {commands.map((name) => (
              <button key={name} type="button" disabled={props.busy} onClick={() => props.onCommand(name)} data-testid={`cmd-${name}-${device.id}`}>
                {t(COMMAND_LABELS[name])}
              </button>
            ))}
            {!props.renaming && (
              <button type="button" onClick={props.onRenameStart}>
                {t('rename')}
              </button>
            )}
            <ConfirmButton className="danger" question={t('confirmRevoke', { name: label })} onConfirm={props.onRevoke} testId={`revoke-${device.id}`}>
              {t('revoke')}
            </ConfirmButton>
          </div>
        )}
      </td>
    </tr>
  );
}

/** A display is a door screen or a hall board (the same token role): the screen says which; unknown for a CLI token. */
function kindText(t: Translate, device: FleetDevice): string {
  if (device.role === 'display' && (device.screen === 'door' || device.screen === 'board')) return t(`screen_${device.screen}`);
  return t(`role_${device.role}` as TextKey);
}

function PairForm({ onPaired }: { onPaired(): void }) {
  const t = useText();
  const api = useApi();
  const config = useConfig();
  const action = useAction();
  const [code, setCode] = useState('');
  const [role, setRole] = useState<PairableRole>('kiosk');
  const [screen, setScreen] = useState<'board' | 'door'>('board');
  const [counter, setCounter] = useState('');
  const [name, setName] = useState('');
  const needsCounter = role === 'counter' || (role === 'display' && screen === 'door');
  const counters = config.data?.config.counters ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const body = { code: code.trim(), role, name, ...(role === 'display' ? { screen } : {}), ...(needsCounter && counter ? { counter: Number(counter) } : {}) };
      const { device } = await api.post('/api/admin/pairing', body, deviceResponseSchema);
      setCode('');
      setName('');
      onPaired();
      return t('paired', { name: device.name ?? name });
    });
  };

  return (
    <form className="card inline-form grid-form" onSubmit={submit} data-testid="pair-form" aria-labelledby="pair-title">
      <h2 id="pair-title" className="span-all">
        {t('pairTitle')}
      </h2>
      <p className="muted span-all">{t('pairHint')}</p>
      <Field label={t('pairCode')} path="code" error={action.error}>
        <input name="code" value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" autoComplete="off" required className="code-input" />
      </Field>
      <Field label={t('role')} path="role" error={action.error}>
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as PairableRole)}>
          <option value="kiosk">{t('role_kiosk')}</option>
          <option value="counter">{t('role_counter')}</option>
          <option value="display">{t('role_display')}</option>
        </select>
      </Field>
      {role === 'display' && (
        <Field label={t('screen')} path="screen" error={action.error}>
          <select name="screen" value={screen} onChange={(e) => setScreen(e.target.value as 'board' | 'door')}>
            <option value="board">{t('screen_board')}</option>
            <option value="door">{t('screen_door')}</option>
          </select>
        </Field>
      )}
      {needsCounter && (
        <Field label={t('counter')} path="counter" error={action.error}>
          <select name="counter" value={counter} onChange={(e) => setCounter(e.target.value)} required>
            <option value="" />
            {counters.map((c) => (
              <option key={c.number} value={c.number}>
                {t('counterNumber', { n: c.number })}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('deviceName')} path="name" error={action.error}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <div className="row-actions span-all">
        <button type="submit" className="primary" disabled={action.busy || code.length !== 6 || !name.trim()} data-testid="pair-submit">
          {t('pairSubmit')}
        </button>
      </div>
      <div className="span-all">
        <ErrorBanner error={action.error} known={['code', 'role', 'screen', 'counter', 'name']} />
        <SuccessBanner message={action.done} />
      </div>
    </form>
  );
}
