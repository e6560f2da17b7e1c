import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { items as outboxItems } from '../outbox/outbox';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { Verdict, type CheckIn } from './model';
import type { ListOf } from '../api/types';

/** The rep's own check-ins, newest first, with those still waiting in the outbox on top. */
export function CheckInHistoryScreen({ profile }: { profile: Profile }) {
  const [items, setItems] = useState<CheckIn[]>();
  const [next, setNext] = useState<string | null>();
  const [waiting, setWaiting] = useState(0);
  const [error, setError] = useState<string>();

  async function load(cursor?: string) {
    try {
      const page = await api<ListOf<'CheckInResource_list', CheckIn>>(`/api/v1/checkins?userId=${profile.id}&limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
      setNext(page.nextCursor ?? null);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    void load();
    void outboxItems().then((list) => setWaiting(list.filter((i) => i.label === 'outbox.checkIn').length));
  }, []);

  return (
    <Screen title={t('checkin.historyTitle')}>
      <a href="/checkin" onClick={followLink}>{t('checkin.back')}</a>
      {waiting > 0 && (
        <p class="warning">
          <a href="/sync" onClick={followLink}>{t('checkin.waiting', { n: waiting })}</a>
        </p>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {items?.length === 0 && <p class="muted">{t('checkin.noHistory')}</p>}
      <ol class="plain">
        {items?.map((c) => (
          <li key={c.id} class={`card ${c.verdict === 'VERIFIED' ? 'flag-ok' : 'flag-warn'}`}>
            <div class="between">
              <a href={`/customers/${c.customerId}`} onClick={followLink} class="title-link">{c.customerName}</a>
              <time class="muted" dateTime={c.clientTime}>{formatDate(new Date(c.clientTime), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>
            </div>
            <p class="chips"><span class="chip">{t(`purpose.${c.purpose}` as MessageKey)}</span></p>
            <Verdict checkIn={c} />
            {c.outcome && <p>{c.outcome}</p>}
            {c.nextAction && <p class="muted">{t('followUp.nextAction')}: {c.nextAction}</p>}
          </li>
        ))}
      </ol>
      {next && <button type="button" class="secondary" onClick={() => void load(next)}>{t('customers.more')}</button>}
    </Screen>
  );
}
