import { render } from 'preact';
import { App } from './app';
import { loadSession, upgradeStoredSession } from './auth/session';
import { SessionExpiredError } from './api/problem';
import { pickLocale, speak } from './i18n/i18n';
import { cachedProfile, forgetProfile, me, refreshProfile } from './shared/profile';
import { readKey } from './platform/db';
import { startSync } from './sync/sync';
import './styles.css';

/**
 * Start-up: restore the session and the cached profile from IndexedDB (so the app opens offline),
 * render, then refresh the profile from the server and replay the outbox.
 */
async function start(): Promise<void> {
  const [session, profile, remembered] = await Promise.all([loadSession(), cachedProfile(), readKey<string>('locale')]);
  await speak(pickLocale(profile?.locale, remembered, navigator.languages)); // only this language's messages are fetched
  if (session && profile) me.set(profile);
  render(<App />, document.getElementById('app')!);
  startSync();
  if (session) {
    void upgradeStoredSession()
      .then(refreshProfile)
      .catch((error) => {
        if (error instanceof SessionExpiredError) void forgetProfile();
      });
  }
  if ('serviceWorker' in navigator) {
    // The dev server builds the same worker from sw.ts on request, as an ES module (vite.config.ts).
    const worker = import.meta.env.DEV ? { url: '/dev-sw.js?dev-sw', type: 'module' as const } : { url: '/sw.js', type: 'classic' as const };
    navigator.serviceWorker.register(worker.url, { scope: '/', type: worker.type }).catch(() => undefined);
  }
}

void start();
