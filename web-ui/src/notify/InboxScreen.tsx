import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { followLink, navigate } from '../platform/router';
import { appPath } from '../shared/links';
import { EmptyState, Screen } from '../shell/Screen';
import { inbox, markAllRead, markRead, refreshUnread, type Notification } from './notify';

/** The in-app inbox: unread first, newest first; opening one marks it read and goes where it points. */
export function InboxScreen() {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(after: string | null = null) {
    try {
      const page = await inbox(after);
      setItems((shown) => (after && shown ? [...shown, ...page.items] : page.items));
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function open(item: Notification) {
    if (!item.readAt) {
      await markRead(item.id).catch(() => undefined);
      void refreshUnread();
    }
    navigate(appPath(item.link) ?? '/inbox');
  }

  async function readAll() {
    await markAllRead();
    await refreshUnread();
    await load();
  }

  const unread = items?.filter((item) => !item.readAt).length ?? 0;
  return (
    <Screen title={t('inbox.title')}>
      {error && <p role="alert" class="warning">{error}</p>}
      {items === null && !error && <p>{t('loading')}</p>}
      {items?.length === 0 && <EmptyState icon="bell" title={t('inbox.emptyTitle')} body={t('inbox.emptyBody')} />}
      {unread > 0 && (
        <button type="button" class="secondary" onClick={readAll}>
          {t('inbox.readAll')}
        </button>
      )}
      {items && items.length > 0 && (
        <ul class="inbox" aria-label={t('inbox.title')}>
          {items.map((item) => (
            <li key={item.id} class={item.readAt ? 'read' : 'unread'}>
              <a href={appPath(item.link) ?? '/inbox'} onClick={(event) => (event.preventDefault(), void open(item))}>
                <span class="title">
                  {!item.readAt && <span class="visually-hidden">{t('inbox.unread')} </span>}
                  {item.title}
                </span>
                <span class="body">{item.body}</span>
                <time dateTime={item.createdAt} class="muted">
                  {formatDate(new Date(item.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </a>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="secondary" onClick={() => load(cursor)}>
          {t('inbox.more')}
        </button>
      )}
      <p>
        <a href="/notifications" onClick={followLink}>
          {t('inbox.settings')}
        </a>
      </p>
    </Screen>
  );
}
