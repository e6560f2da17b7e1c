import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate, formatMoney, formatRelativeTime } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { renewalStateLabel } from '../money/model';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { loadPeople, type Person } from './people';
import { useTeams } from './TeamPicker';
import { daysLeft } from './TeamMoneyCard';
import {
  BUCKETS, cacheKey, moneyQuery, overdueCount, type Bucket, type MoneyFilter, type OverdueCollections,
  type UndecidedRenewals,
} from './money';
import { useTeamMoney } from './useTeamMoney';

const PAGE = 50;
const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'];

/**
 * The team's money to chase: every overdue instalment (most overdue first, with rep, outstanding,
 * reminders and the latest payment) and every renewal still to decide (ended first), filtered by
 * rep, team, days overdue and currency. The first pages are kept for offline use ("as of").
 */
export function TeamMoneyScreen({ profile }: { profile: Profile }) {
  const [filter, setFilter] = useState<MoneyFilter>({});
  const [people, setPeople] = useState<Person[]>([]);
  const [more, setMore] = useState<{ overdue: OverdueCollections['items']; renewals: UndecidedRenewals['items']; overdueCursor?: string; renewalsCursor?: string }>();
  const teams = useTeams(profile);
  const key = cacheKey(profile.id, filter, PAGE);

  useEffect(() => {
    loadPeople().then((list) => setPeople(list.filter((p) => p.role === 'REP')), () => undefined);
  }, [profile.id]);

  const { cached, fresh, offline, error: loadError } = useTeamMoney(key, filter, PAGE);
  const [moreError, setMoreError] = useState<string>();
  useEffect(() => {
    setMore(undefined);
    setMoreError(undefined);
  }, [key]);
  const error = moreError ?? loadError;

  const money = cached?.money;
  const overdueItems = [...(money?.overdue.items ?? []), ...(more?.overdue ?? [])];
  const renewalItems = [...(money?.renewals.items ?? []), ...(more?.renewals ?? [])];
  const overdueCursor = more ? more.overdueCursor : money?.overdue.nextCursor;
  const renewalsCursor = more ? more.renewalsCursor : money?.renewals.nextCursor;

  async function showMore(list: 'overdue' | 'renewals') {
    try {
      if (list === 'overdue' && overdueCursor) {
        const page = await api<OverdueCollections>(`/api/v1/collections/overdue?${moneyQuery(filter, 'overdue', PAGE, overdueCursor)}`);
        setMore({ overdue: [...(more?.overdue ?? []), ...page.items], renewals: more?.renewals ?? [], overdueCursor: page.nextCursor, renewalsCursor });
      } else if (list === 'renewals' && renewalsCursor) {
        const page = await api<UndecidedRenewals>(`/api/v1/renewals/undecided?${moneyQuery(filter, 'renewals', PAGE, renewalsCursor)}`);
        setMore({ overdue: more?.overdue ?? [], renewals: [...(more?.renewals ?? []), ...page.items], overdueCursor, renewalsCursor: page.nextCursor });
      }
    } catch (e) {
      setMoreError(describeError(e));
    }
  }

  const set = (part: Partial<MoneyFilter>) => setFilter((now) => ({ ...now, ...part }));
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement).value || undefined;

  return (
    <Screen title={t('teamMoney.title')}>
      <form class="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('teamMoney.filters')}>
        <label for="money-rep">{t('teamMoney.rep')}</label>
        <select id="money-rep" value={filter.ownerId ?? ''} onChange={(e) => set({ ownerId: value(e) })}>
          <option value="">{t('teamMoney.allReps')}</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
        <label for="money-team">{t('dashboard.team')}</label>
        <select id="money-team" value={filter.teamId ?? ''} onChange={(e) => set({ teamId: value(e) })}>
          <option value="">{t('teamMoney.allTeams')}</option>
          {teams.list.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
        <label for="money-bucket">{t('teamMoney.bucket')}</label>
        <select id="money-bucket" value={filter.bucket ?? ''} onChange={(e) => set({ bucket: value(e) as Bucket | undefined })}>
          <option value="">{t('teamMoney.anyDays')}</option>
          {(Object.keys(BUCKETS) as Bucket[]).map((b) => <option key={b} value={b}>{t('teamMoney.days', { range: b })}</option>)}
        </select>
        <label for="money-currency">{t('teamMoney.currency')}</label>
        <select id="money-currency" value={filter.currency ?? ''} onChange={(e) => set({ currency: value(e) })}>
          <option value="">{t('teamMoney.anyCurrency')}</option>
          {[...new Set([...CURRENCIES, ...(money?.overdue.totals.map((x) => x.currency) ?? [])])].map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </form>
      {cached && !fresh && (
        <p class="warning" data-testid="as-of">{t('teamMoney.asOf', { time: formatRelativeTime(cached.fetchedAt) })}</p>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {!money ? (
        <p role="status">{offline ? t('teamMoney.offlineNoCache') : t('loading')}</p>
      ) : (
        <>
          <section aria-labelledby="money-overdue-h">
            <h2 id="money-overdue-h">{tn('teamMoney.overdueCount', overdueCount(money.overdue))}</h2>
            <p class="chips" data-testid="money-totals">
              {money.overdue.totals.map((total) => (
                <span key={total.currency} class="chip chip-warn">{formatMoney(total.outstanding, total.currency)}</span>
              ))}
            </p>
            {overdueItems.length === 0 && <p class="muted">{t('teamMoney.noOverdue')}</p>}
            <ul class="plain" data-testid="money-overdue">
              {overdueItems.map((i) => (
                <li key={i.instalmentId} class="card agenda-item overdue">
                  <a href={`/contracts/${i.contractId}`} onClick={followLink} class="title-link">{i.customerName} · {i.contractNumber}</a>
                  <p class="chips">
                    <span class="chip">{i.ownerName}</span>
                    <span class="chip chip-warn">{tn('today.daysOverdue', i.daysOverdue)}</span>
                    <span class="chip">{formatMoney(i.outstanding, i.currency)}</span>
                  </p>
                  <dl class="facts">
                    <dt>{t('teamMoney.dueOn')}</dt><dd>{day(i.dueOn)} · #{i.position}</dd>
                    <dt>{t('teamMoney.team')}</dt><dd>{i.teamName}</dd>
                    <dt>{t('teamMoney.reminded')}</dt>
                    <dd>{i.escalatedAt ? t('teamMoney.escalatedOn', { day: day(i.escalatedAt.slice(0, 10)) })
                      : i.remindedAt ? t('teamMoney.remindedOn', { day: day(i.remindedAt.slice(0, 10)) }) : '—'}</dd>
                    <dt>{t('teamMoney.lastPayment')}</dt>
                    <dd>{i.lastPaymentOn ? `${day(i.lastPaymentOn)} · ${formatMoney(i.lastPaymentAmount ?? '0', i.currency)}` : '—'}</dd>
                  </dl>
                </li>
              ))}
            </ul>
            {overdueCursor && fresh && (
              <button type="button" class="secondary" onClick={() => void showMore('overdue')}>{t('teamMoney.more')}</button>
            )}
          </section>
          <section aria-labelledby="money-renewals-h">
            <h2 id="money-renewals-h">{tn('teamMoney.renewalsCount', money.renewals.total)}</h2>
            {renewalItems.length === 0 && <p class="muted">{t('teamMoney.noRenewals')}</p>}
            <ul class="plain" data-testid="money-renewals">
              {renewalItems.map((r) => (
                <li key={r.contractId} class={`card agenda-item${r.expiredUndecided ? ' overdue' : ''}`}>
                  <a href={`/contracts/${r.contractId}`} onClick={followLink} class="title-link">{r.customerName} · {r.number}</a>
                  <p class="chips">
                    <span class="chip">{r.ownerName ?? '—'}</span>
                    <span class={`chip${r.daysToEnd <= 30 ? ' chip-warn' : ''}`}>{daysLeft(r.daysToEnd)}</span>
                    <span class="chip">{renewalStateLabel(r.renewalState)}</span>
                    <span class="chip">{formatMoney(r.value, r.currency)}</span>
                  </p>
                  <p class="muted">{t('teamMoney.endsOn', { day: day(r.endsOn) })}</p>
                </li>
              ))}
            </ul>
            {renewalsCursor && fresh && (
              <button type="button" class="secondary" onClick={() => void showMore('renewals')}>{t('teamMoney.more')}</button>
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
