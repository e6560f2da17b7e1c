import { useEffect, useState } from 'preact/hooks';
import { inspectLink, setPasswordWithLink } from '../api/client';
import { ApiError, OfflineError } from '../api/problem';
import { tokenFromHash } from '../admin/model';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { navigate } from '../platform/router';
import { Screen } from '../shell/Screen';
import { LanguageToggle } from './LanguageToggle';

type Link = Awaited<ReturnType<typeof inspectLink>>;

/**
 * The page an invite or password-reset link opens (/welcome#token=…): greets the person, lets them
 * choose a password and signs them in. The token stays in the address's fragment, which is never sent
 * to a server; it is removed from the address once read.
 */
export function WelcomeScreen({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [token] = useState(() => tokenFromHash(location.hash));
  const [link, setLink] = useState<Link>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (location.hash) history.replaceState(null, '', location.pathname);
    if (!token) {
      setError(t('welcome.invalid'));
      return;
    }
    inspectLink(token).then(setLink, (e) => setError(linkError(e)));
  }, [token]);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(form.get('password'));
    if (password !== String(form.get('repeat'))) {
      setError(t('welcome.mismatch'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await setPasswordWithLink(token!, password);
      await onSignedIn();
      navigate('/today', true);
    } catch (e) {
      setError(linkError(e));
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <LanguageToggle />
      <div class="login-card">
        <img src="/icons/icon.svg" alt="" width="56" height="56" />
        <p class="brand-large">{t('app.name')}</p>
        <Screen title={link?.purpose === 'RESET' ? t('welcome.resetTitle') : t('welcome.title')}>
          {link && (
            <>
              <p>{link.purpose === 'RESET' ? t('welcome.resetIntro', { name: link.displayName }) : t('welcome.intro', { name: link.displayName })}</p>
              <p class="muted">{t('welcome.expires', { email: link.email, date: formatDate(new Date(link.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
              <form onSubmit={submit}>
                <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
                <label for="new-password">{t('welcome.password')}</label>
                <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={10} maxLength={200} required aria-describedby="password-rule" />
                <p id="password-rule" class="muted">{t('welcome.rule')}</p>
                <label for="repeat-password">{t('welcome.repeat')}</label>
                <input id="repeat-password" name="repeat" type="password" autoComplete="new-password" minLength={10} maxLength={200} required />
                <p class="error" role="alert" data-testid="welcome-error">{error}</p>
                <button type="submit" class="primary" disabled={busy}>{busy ? t('login.busy') : t('welcome.submit')}</button>
              </form>
            </>
          )}
          {!link && (
            <>
              <p class="error" role="alert" data-testid="welcome-error">{error ?? ''}</p>
              {!error && <p>{t('loading')}</p>}
              <a href="/login" class="button secondary" onClick={(e) => { e.preventDefault(); navigate('/login'); }}>{t('welcome.toSignIn')}</a>
            </>
          )}
        </Screen>
      </div>
    </main>
  );
}

function linkError(error: unknown): string {
  if (error instanceof OfflineError) return t('login.offline');
  if (error instanceof ApiError) {
    if (error.kind === 'access-link-used') return t('welcome.used');
    if (error.kind === 'access-link-expired') return t('welcome.expired');
    if (error.kind === 'access-link-replaced') return t('welcome.replaced');
    if (error.status === 404) return t('welcome.invalid');
    if (error.status === 429) return t('login.rateLimited', { seconds: error.retryAfterSeconds ?? 60 });
  }
  return describeError(error);
}
