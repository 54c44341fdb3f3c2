import { useEffect, useState, type FormEvent } from 'react';
import { adminSignInResponseSchema, catalogResponseSchema } from '@layso/shared';
import { createAdminApi } from '../api/admin-api.js';
import { useAction } from '../api/use-resource.js';
import { ErrorBanner } from '../components/error-banner.js';
import { Field } from '../components/field.js';
import { LanguageToggle } from '../components/language-toggle.js';
import { useText } from '../i18n/use-text.js';
import { nameIn } from '../logic/names.js';
import { useSession } from '../store/session-store.js';

export function SignInPage() {
  const t = useText();
  const notice = useSession((s) => s.notice);
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const language = useSession((s) => s.language);
  const [center, setCenter] = useState<{ name: string; nameEn?: string } | null>(null);
  // The public catalog names the center, so the admin knows which hub this is.
  useEffect(() => {
    createAdminApi({ token: null })
      .get('/api/catalog', catalogResponseSchema)
      .then((catalog) => setCenter(catalog.center))
      .catch(() => setCenter(null));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const api = createAdminApi({ token: null });
      signedIn(await api.post('/api/admin/session', { username, password }, adminSignInResponseSchema));
    });
  };

  return (
    <main className="sign-in" data-testid="sign-in">
      <form onSubmit={submit} noValidate>
        <div className="sign-in-head">
          <h1>{t('signInTitle')}</h1>
          <LanguageToggle />
        </div>
        {center && (
          <p className="muted" data-testid="sign-in-center">
            {nameIn(language, center)}
          </p>
        )}
        {notice && !action.error && (
          <p className="banner banner-info" role="status" data-testid="sign-in-notice">
            {notice === 'expired' ? t('sessionExpired') : t('signedOut')}
          </p>
        )}
        <ErrorBanner error={action.error} known={['username', 'password']} />
        <Field label={t('username')} path="username" error={action.error}>
          <input name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={t('password')} path="password" error={action.error}>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={action.busy || !username || !password}>
          {action.busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
