import { t, tn } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { useStore } from '../platform/store';
import { syncState } from '../sync/sync';
import { unread } from '../notify/notify';
import { Icon } from './icons';

/** The app bar: name, the sync state (online / offline / N waiting), which opens the Sync screen, and the inbox with its unread badge. */
export function Header() {
  const { online, pending, failed } = useStore(syncState);
  const label = failed ? tn('sync.failed', failed) : pending ? tn('sync.waiting', pending) : t(online ? 'sync.online' : 'sync.offline');
  const unreadCount = useStore(unread);
  const tone = failed ? 'failed' : !online ? 'offline' : pending ? 'pending' : 'online';
  return (
    <header class="app-bar">
      <span class="brand">{t('app.name')}</span>
      <div class="bar-end">
        <div role="status">
          <a href="/sync" onClick={followLink} class={`sync sync-${tone}`} data-testid="sync-state">
            <span class="dot" aria-hidden="true" />
            {label}
          </a>
        </div>
        <a href="/inbox" onClick={followLink} class="bell" data-testid="inbox-link"
          aria-label={unreadCount ? tn('inbox.unreadCount', unreadCount) : t('inbox.title')}>
          <Icon name="bell" />
          {unreadCount > 0 && <span class="badge" aria-hidden="true">{unreadCount > 99 ? '99+' : unreadCount}</span>}
        </a>
      </div>
    </header>
  );
}
