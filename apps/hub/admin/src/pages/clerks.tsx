import { useState, type FormEvent } from 'react';
import { adminUserListResponseSchema, clerkListResponseSchema, formatDateTime, type Clerk } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useAction, useResource } from '../api/use-resource.js';
import { ConfirmButton } from '../components/confirm.js';
import { ErrorBanner, SuccessBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { useText } from '../i18n/use-text.js';
import { useTimeZone } from '../store/live-store.js';

/** "Cán bộ": clerks who sign in at counter consoles; below, the administrators. */
export function ClerksPage() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const clerks = useResource(async () => (await api.get('/api/admin/clerks', clerkListResponseSchema)).clerks, [api]);
  const action = useAction();
  const [pinFor, setPinFor] = useState<number | null>(null);
  const [pin, setPin] = useState('');

  const toggle = (clerk: Clerk) =>
    action.run(async () => {
      await api.post(`/api/admin/clerks/${clerk.id}/${clerk.disabled ? 'enable' : 'disable'}`);
      await clerks.reload();
      return t('saved');
    });
  const resetPin = (event: FormEvent, clerk: Clerk) => {
    event.preventDefault();
    void action.run(async () => {
      await api.post(`/api/admin/clerks/${clerk.id}/pin`, { pin });
      setPinFor(null);
      setPin('');
      await clerks.reload();
      return t('pinReset', { name: clerk.name });
    });
  };

  return (
    <div className="page" data-testid="page-clerks">
      <div className="page-head">
        <h1>{t('clerksTitle')}</h1>
      </div>
      <NewClerkForm onCreated={() => void clerks.reload()} />
      <ErrorBanner error={action.error ?? clerks.error} known={pinFor ? ['pin'] : []} />
      <SuccessBanner message={action.done} />
      {clerks.data?.length === 0 && <p className="muted">{t('noClerks')}</p>}
      {clerks.data && clerks.data.length > 0 && (
        <table className="table" data-testid="clerk-list">
          <thead>
            <tr>
              <th scope="col">{t('clerkCode')}</th>
              <th scope="col">{t('clerkName')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {clerks.data.map((clerk) => (
              <tr key={clerk.id} data-testid={`clerk-${clerk.code}`} className={clerk.disabled ? 'row-muted' : undefined}>
                <td>
                  <code>{clerk.code}</code>
                </td>
                <td>{clerk.name}</td>
                <td>
                  {clerk.disabled ? (
                    <span className="badge badge-muted">{t('disabled')}</span>
                  ) : clerk.lockedUntil ? (
                    <span className="badge badge-warn">{t('lockedUntil', { at: formatDateTime(clerk.lockedUntil, timeZone) })}</span>
                  ) : clerk.counter !== null ? (
                    <span className="badge badge-ok">{t('signedInAt', { n: clerk.counter })}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {pinFor === clerk.id ? (
                    <form className="inline-form" onSubmit={(e) => resetPin(e, clerk)}>
                      <Field label={t('newPin')} path="pin" error={action.error}>
                        <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus required />
                      </Field>
                      <FormActions onCancel={() => setPinFor(null)} disabled={action.busy} />
                    </form>
                  ) : (
                    <div className="row-actions">
                      <button type="button" onClick={() => setPinFor(clerk.id)}>
                        {t('resetPin')}
                      </button>
                      <button type="button" onClick={() => void toggle(clerk)}>
                        {clerk.disabled ? t('enable') : t('disable')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AdminUsers />
    </div>
  );
}

function NewClerkForm({ onCreated }: { onCreated(): void }) {
  const t = useText();
  const api = useApi();
  const action = useAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await api.post('/api/admin/clerks', { code, name, pin });
      setCode('');
      setName('');
      setPin('');
      onCreated();
      return t('saved');
    });
  };
  return (
    <form className="card inline-form grid-form" onSubmit={submit} data-testid="clerk-form">
      <h2 className="span-all">{t('newClerk')}</h2>
      <Field label={t('clerkCode')} path="code" error={action.error}>
        <input name="code" value={code} onChange={(e) => setCode(e.target.value)} required />
      </Field>
      <Field label={t('clerkName')} path="name" error={action.error}>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field label={t('pin')} path="pin" error={action.error}>
        <input name="pin" type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} required />
      </Field>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('add')}
        </button>
      </div>
      <div className="span-all">
        <ErrorBanner error={action.error} known={['code', 'name', 'pin']} />
        <SuccessBanner message={action.done} />
      </div>
    </form>
  );
}

/** "Quản trị viên": the minimal list and a form to add one. */
function AdminUsers() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const users = useResource(async () => (await api.get('/api/admin/users', adminUserListResponseSchema)).users, [api]);
  const action = useAction();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await api.post('/api/admin/users', { username, password, ...(displayName.trim() ? { displayName } : {}) });
      setUsername('');
      setDisplayName('');
      setPassword('');
      await users.reload();
      return t('saved');
    });
  };
  return (
    <section aria-labelledby="admins-title" data-testid="admin-users">
      <h2 id="admins-title">{t('adminsTitle')}</h2>
      {users.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('username')}</th>
              <th scope="col">{t('displayName')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} className={user.disabled ? 'row-muted' : undefined}>
                <td>
                  <code>{user.username}</code>
                </td>
                <td>{user.displayName ?? '—'}</td>
                <td>{formatDateTime(user.createdAt, timeZone)}</td>
                <td>
                  {user.disabled ? (
                    <span className="badge badge-muted">{t('disabled')}</span>
                  ) : user.lockedUntil ? (
                    <span className="badge badge-warn">{t('lockedUntil', { at: formatDateTime(user.lockedUntil, timeZone) })}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <ConfirmButton
                    question={`${user.disabled ? t('enable') : t('disable')}: ${user.username}?`}
                    onConfirm={() =>
                      action.run(async () => {
                        await api.post(`/api/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`);
                        await users.reload();
                        return t('saved');
                      })
                    }
                  >
                    {user.disabled ? t('enable') : t('disable')}
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card inline-form grid-form" onSubmit={submit}>
        <h3 className="span-all">{t('newAdmin')}</h3>
        <Field label={t('username')} path="username" error={action.error}>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required />
        </Field>
        <Field label={t('displayName')} path="displayName" error={action.error}>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <Field label={t('password')} path="password" error={action.error}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
        </Field>
        <div className="row-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('add')}
          </button>
        </div>
        <div className="span-all">
          <ErrorBanner error={action.error ?? users.error} known={['username', 'displayName', 'password']} />
          <SuccessBanner message={action.done} />
        </div>
      </form>
    </section>
  );
}
