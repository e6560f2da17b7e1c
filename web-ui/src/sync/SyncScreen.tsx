import { useEffect, useState } from 'preact/hooks';
import { formatRelativeTime } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeProblem } from '../i18n/problems';
import { discard, items, onOutboxChange, retry, type OutboxItem } from '../outbox/outbox';
import { useStore } from '../platform/store';
import { Screen } from '../shell/Screen';
import { syncNow, syncState } from './sync';

/** The outbox made visible: what waits, what failed and why, with retry and discard. */
export function SyncScreen() {
  const [list, setList] = useState<OutboxItem[]>([]);
  const { online, pending } = useStore(syncState);

  useEffect(() => {
    const load = () => void items().then(setList);
    load();
    return onOutboxChange(load);
  }, []);

  async function retryItem(seq: number) {
    await retry(seq);
    await syncNow();
  }

  return (
    <Screen title={t('sync.title')}>
      <p class="muted">{t('sync.intro')}</p>
      {list.length === 0 ? (
        <p class="card" data-testid="outbox-empty">
          {t('sync.empty')}
        </p>
      ) : (
        <ol class="outbox" data-testid="outbox">
          {list.map((item) => (
            <li key={item.seq} class={`card item-${item.state}`}>
              <strong>{t(item.label as MessageKey)}</strong>
              <span class="muted">{t('sync.queuedAt', { time: formatRelativeTime(item.createdAt) })}</span>
              {item.state === 'pending' ? (
                <span>{t('sync.pending')}</span>
              ) : (
                <>
                  <span class="error">
                    {t('sync.failed', { reason: describeProblem(item.error?.status ?? 0, item.error?.kind ?? 'unknown', item.error?.fields) })}
                  </span>
                  <div class="actions">
                    <button type="button" class="secondary" onClick={() => retryItem(item.seq!)}>
                      {t('sync.retry')}
                    </button>
                    <button type="button" class="secondary" onClick={() => discard(item.seq!)}>
                      {t('sync.discard')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {online && pending > 0 && (
        <button type="button" class="primary" onClick={() => syncNow()}>
          {t('sync.now')}
        </button>
      )}
    </Screen>
  );
}
