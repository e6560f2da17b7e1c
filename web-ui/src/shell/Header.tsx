import { t, tn } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { useStore } from '../platform/store';
import { syncState } from '../sync/sync';

/** The app bar: name and the sync state (online / offline / N waiting), which opens the Sync screen. */
export function Header() {
  const { online, pending, failed } = useStore(syncState);
  const label = failed ? tn('sync.failed', failed) : pending ? tn('sync.waiting', pending) : t(online ? 'sync.online' : 'sync.offline');
  const tone = failed ? 'failed' : !online ? 'offline' : pending ? 'pending' : 'online';
  return (
    <header class="app-bar">
      <span class="brand">{t('app.name')}</span>
      <div role="status">
        <a href="/sync" onClick={followLink} class={`sync sync-${tone}`} data-testid="sync-state">
          <span class="dot" aria-hidden="true" />
          {label}
        </a>
      </div>
    </header>
  );
}
