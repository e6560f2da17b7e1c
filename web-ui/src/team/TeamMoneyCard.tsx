import { useEffect } from 'preact/hooks';
import { formatMoney, formatRelativeTime } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import type { Profile } from '../shared/profile';
import { followLink } from '../platform/router';
import { cacheKey, overdueCount } from './money';
import { useTeamMoney } from './useTeamMoney';

const OVERDUE_ROWS = 3;
const RENEWAL_ROWS = 2;

/** The renewal's days left, or how long ago it ended. */
export function daysLeft(days: number): string {
  return days >= 0 ? tn('contracts.daysLeft', days) : tn('contracts.daysAgo', -days);
}

/**
 * Today's card for managers and up: the team's overdue collections (count and outstanding per
 * currency, the most overdue few with their rep) and the renewals still to decide, each opening
 * its contract. Its space is reserved (styles: .team-money) so Today does not jump when it loads;
 * offline it shows the last copy with "as of". Tells Today how many items wait (onWork).
 */
export function TeamMoneyCard({ profile, onWork }: { profile: Profile; onWork: (n: number) => void }) {
  const key = cacheKey(profile.id, {}, OVERDUE_ROWS);
  const { cached, fresh, offline, error } = useTeamMoney(key, {}, OVERDUE_ROWS);

  const money = cached?.money;
  useEffect(() => {
    if (money) onWork(overdueCount(money.overdue) + money.renewals.total);
  }, [money]);

  return (
    <section class="card team-money" aria-labelledby="team-money-h" aria-busy={!money} data-testid="team-money-card">
      <h2 id="team-money-h">{t('teamMoney.cardTitle')}</h2>
      {cached && !fresh && <p class="muted one-line" data-testid="team-money-as-of">{t('teamMoney.asOf', { time: formatRelativeTime(cached.fetchedAt) })}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {!money ? (
        <p role="status">{offline ? t('teamMoney.offlineNoCache') : t('loading')}</p>
      ) : (
        <>
          <p class="team-money-line" data-testid="team-money-overdue">
            <strong>{tn('teamMoney.overdueCount', overdueCount(money.overdue))}</strong>
            {money.overdue.totals.map((total) => (
              <span key={total.currency} class="chip">{formatMoney(total.outstanding, total.currency)}</span>
            ))}
          </p>
          <ul class="plain team-money-rows">
            {money.overdue.items.slice(0, OVERDUE_ROWS).map((i) => (
              <li key={i.instalmentId} data-testid="team-money-overdue-item">
                <a href={`/contracts/${i.contractId}`} onClick={followLink} class="one-line">{i.customerName} · {i.contractNumber}</a>
                <span class="muted one-line">{i.ownerName} · {tn('today.daysOverdue', i.daysOverdue)} · {formatMoney(i.outstanding, i.currency)}</span>
              </li>
            ))}
          </ul>
          <p class="team-money-line" data-testid="team-money-renewals">
            <strong>{tn('teamMoney.renewalsCount', money.renewals.total)}</strong>
          </p>
          <ul class="plain team-money-rows">
            {money.renewals.items.slice(0, RENEWAL_ROWS).map((r) => (
              <li key={r.contractId} data-testid="team-money-renewal-item">
                <a href={`/contracts/${r.contractId}`} onClick={followLink} class="one-line">{r.customerName} · {r.number}</a>
                <span class="muted one-line">{r.ownerName ?? '—'} · {daysLeft(r.daysToEnd)}</span>
              </li>
            ))}
          </ul>
          <a href="/team/money" onClick={followLink} data-testid="team-money-all">{t('teamMoney.seeAll')}</a>
        </>
      )}
    </section>
  );
}
