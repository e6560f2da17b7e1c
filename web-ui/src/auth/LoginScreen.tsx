import { useState } from 'preact/hooks';
import { login } from '../api/client';
import { ApiError, OfflineError } from '../api/problem';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { Screen } from '../shell/Screen';
import { LanguageToggle } from './LanguageToggle';

/** Sign-in with email and password; errors are said in the chosen language. */
export function LoginScreen({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      await login(String(form.get('email')), String(form.get('password')));
      await onSignedIn();
    } catch (e) {
      setError(loginError(e));
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <LanguageToggle />
      <div class="login-card">
        <img src="/icons/icon.svg" alt="" width="56" height="56" />
        <p class="brand-large">{t('app.name')}</p>
        <Screen title={t('login.title')}>
          <p class="muted">{t('login.intro')}</p>
          <form onSubmit={submit}>
            <label for="email">{t('login.email')}</label>
            <input id="email" name="email" type="email" autoComplete="username" inputMode="email" required />
            <label for="password">{t('login.password')}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
            <p class="error" role="alert" data-testid="login-error">
              {error}
            </p>
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('login.busy') : t('login.submit')}
            </button>
          </form>
        </Screen>
      </div>
    </main>
  );
}

function loginError(error: unknown): string {
  if (error instanceof OfflineError) return t('login.offline');
  if (error instanceof ApiError && error.status === 401) return t('login.badCredentials');
  if (error instanceof ApiError && error.status === 429) return t('login.rateLimited', { seconds: error.retryAfterSeconds ?? 60 });
  return describeError(error);
}

