import { useState, type FormEvent } from 'react';
import { ADMIN_PASSWORD_MIN } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { useApi } from '../api/use-api.js';
import { useAction } from '../api/use-resource.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { useText } from '../i18n/use-text.js';
import { useSession } from '../store/session-store.js';

/** Shown instead of the console while the admin still has the one-time password. */
export function ChangePasswordPage() {
  const t = useText();
  const api = useApi();
  const passwordChanged = useSession((s) => s.passwordChanged);
  const signedOut = useSession((s) => s.signedOut);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  const local = next.length > 0 && next.length < ADMIN_PASSWORD_MIN ? t('passwordTooShort', { n: ADMIN_PASSWORD_MIN }) : repeat && next !== repeat ? t('passwordsDiffer') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (local) return;
    void action.run(async () => {
      await api.post('/api/admin/password', { current, next });
      passwordChanged();
    });
  };
  const wrongCurrent = action.error instanceof HubApiError && action.error.code === 'BAD_CREDENTIALS';

  return (
    <main className="sign-in" data-testid="change-password">
      <form onSubmit={submit} noValidate>
        <h1>{t('changePasswordTitle')}</h1>
        <p>{t('changePasswordHint', { n: ADMIN_PASSWORD_MIN })}</p>
        {wrongCurrent ? <p className="banner banner-error" role="alert">{t('wrongCurrentPassword')}</p> : <ErrorBanner error={action.error} known={['current', 'next']} />}
        <Field label={t('currentPassword')} path="current" error={action.error}>
          <input name="current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t('newPassword')} path="next" error={action.error}>
          <input name="next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label={t('repeatPassword')}>
          <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </Field>
        {local && (
          <p className="field-error" role="alert">
            {local}
          </p>
        )}
        <div className="row-actions">
          <button type="button" onClick={signedOut}>
            {t('signOut')}
          </button>
          <button type="submit" className="primary" disabled={action.busy || !current || !next || next !== repeat || Boolean(local)}>
            {action.busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </main>
  );
}
