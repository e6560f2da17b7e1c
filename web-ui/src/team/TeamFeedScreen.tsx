import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { Verdict, type CheckIn } from '../checkin/model';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { follow } from './feed';
import type { ListOf } from '../api/types';

/** The team's check-ins as they happen (newest first), each with its verdict; unverified ones stand out with the reason. */
export function TeamFeedScreen() {
  const [items, setItems] = useState<CheckIn[]>([]);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const add = (list: CheckIn[]) =>
      setItems((before) => {
        const seen = new Set(before.map((c) => c.id));
        return [...list.filter((c) => !seen.has(c.id)), ...before].sort((a, b) => b.seq - a.seq).slice(0, 200);
      });
    void api<ListOf<'CheckInResource_list', CheckIn>>('/api/v1/checkins?limit=30').then((page) => add(page.items), () => undefined);
    return follow(
      '/api/v1/checkins/stream',
      (event) => {
        if (event.event === 'checkin') add([JSON.parse(event.data) as CheckIn]);
      },
      setConnected,
    );
  }, []);

  return (
    <Screen title={t('feed.title')}>
      <p role="status" class={connected ? 'status' : 'warning'} data-testid="feed-state">
        {connected ? t('feed.live') : t('feed.reconnecting')}
      </p>
      <a href="/team" onClick={followLink}>{t('feed.back')}</a>
      {items.length === 0 ? (
        <p class="muted">{t('feed.empty')}</p>
      ) : (
        <ol class="plain" data-testid="feed" aria-live="polite">
          {items.map((c) => (
            <li key={c.id} class={`card ${c.verdict === 'VERIFIED' ? 'flag-ok' : 'flag-warn'}`}>
              <div class="between">
                <strong>{c.customerName}</strong>
                <time class="muted" dateTime={c.clientTime}>{formatDate(new Date(c.clientTime), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>
              </div>
              {c.userName && <p>{c.userName}</p>}
              <Verdict checkIn={c} />
              {c.outcome && <p class="muted">{c.outcome}</p>}
            </li>
          ))}
        </ol>
      )}
    </Screen>
  );
}
