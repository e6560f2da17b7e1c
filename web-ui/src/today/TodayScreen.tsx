import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { OfflineError } from '../api/problem';
import type { Always, Refine, Schema } from '../api/types';
import { channelLabel, gradeLabel, stageLabel, type AgendaItem } from '../customers/model';
import { DoneForm, SnoozeForm } from '../followup/FollowUpForms';
import { formatDate, formatMoney, formatRelativeTime } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { items as outboxItems, onOutboxChange } from '../outbox/outbox';
import { readKey, writeKey } from '../platform/db';
import { followLink } from '../platform/router';
import { EmptyState, Screen } from '../shell/Screen';
import { onSynced } from '../sync/sync';
import { ActionCard } from '../kpi/ActionCard';
import { ApprovalsCard } from '../expense/ApprovalsCard';
import { seesTeam } from '../shared/profile';
import { TeamMoneyCard } from '../team/TeamMoneyCard';

/** GET /api/v1/agenda (Day, AgendaItem in customers/model, AgendaRenewal, AgendaCollection in the OpenAPI document) */
type RenewalDue = Always<Schema<'AgendaRenewal'>, 'contractId' | 'number' | 'customerName' | 'endsOn' | 'daysToEnd' | 'expiredUndecided'>;
type CollectionDue = Always<
  Schema<'AgendaCollection'>,
  'instalmentId' | 'contractId' | 'number' | 'customerName' | 'dueOn' | 'daysOverdue' | 'outstanding' | 'currency'
>;
type Agenda = Refine<
  Always<Schema<'Day'>, 'date' | 'overdueCount' | 'dueCount'>,
  {
    items: AgendaItem[];
    /** absent in an agenda cached by an older version */
    renewals?: RenewalDue[];
    collections?: CollectionDue[];
  }
>;
interface Cached {
  agenda: Agenda;
  fetchedAt: number;
}

/** Follow-ups with a record or snooze waiting in the outbox. */
async function followUpsInOutbox(): Promise<Set<string>> {
  const ids = (await outboxItems()).map((item) => /\/follow-ups\/([^/]+)\//.exec(item.path)?.[1]);
  return new Set(ids.filter((id): id is string => !!id));
}

/**
 * Today: overdue first, then due today; Done and Snooze go through the outbox; offline it shows the last agenda.
 * The cards that load on their own (targets, the team's money, approvals) come after the agenda and only once it
 * shows, so nothing the rep is reading moves when they arrive; "as of" shows only after a refresh failed, not while one is on its way.
 */
export function TodayScreen({ profile }: { profile: Profile }) {
  const cacheKey = `agenda:${profile.id}`;
  const [cached, setCached] = useState<Cached>();
  /** The last refresh failed, so the agenda on screen is the cached one. */
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string>();
  const [offline, setOffline] = useState(false);
  const [queued, setQueued] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<{ id: string; form: 'done' | 'snooze' }>();
  /** Managers and up: the team's overdue collections and undecided renewals (undefined until known). */
  const [teamWork, setTeamWork] = useState<number>();
  const manages = seesTeam(profile.role);

  async function load() {
    try {
      const agenda = await api<Agenda>('/api/v1/agenda');
      const next = { agenda, fetchedAt: Date.now() };
      await writeKey(cacheKey, next);
      setCached(next);
      setStale(false);
      setOffline(false);
      setError(undefined);
    } catch (e) {
      setStale(true);
      setOffline(e instanceof OfflineError);
      if (!(e instanceof OfflineError)) setError(describeError(e));
    }
  }

  useEffect(() => {
    void readKey<Cached>(cacheKey).then((c) => c && setCached((now) => now ?? c));
    void load();
    const refreshQueued = () => void followUpsInOutbox().then(setQueued);
    refreshQueued();
    const stopOutbox = onOutboxChange(refreshQueued);
    const stopSynced = onSynced(() => void load());
    return () => {
      stopOutbox();
      stopSynced();
    };
  }, [cacheKey]);

  const date = formatDate(new Date(), { weekday: 'long', month: 'long', day: 'numeric' }, profile.timeZone);
  const list = cached?.agenda.items ?? [];
  const overdue = list.filter((i) => i.overdue);
  const due = list.filter((i) => !i.overdue);
  const renewals = cached?.agenda.renewals ?? [];
  const collections = cached?.agenda.collections ?? [];

  function item(i: AgendaItem) {
    const waiting = queued.has(i.followUpId);
    const formOpen = open?.id === i.followUpId;
    return (
      <li key={i.followUpId} class={`card agenda-item${i.overdue ? ' overdue' : ''}`} data-testid="agenda-item">
        <a href={`/customers/${i.customerId}`} onClick={followLink} class="title-link">
          {i.customerName}
        </a>
        <p class="chips">
          <span class="chip">{gradeLabel(i.grade)}</span>
          <span class="chip">{stageLabel(i.stage)}</span>
          <span class="chip">{channelLabel(i.channel)}</span>
          {i.overdue && <span class="chip chip-warn">{tn('today.daysOverdue', i.daysOverdue)}</span>}
        </p>
        <p class="muted">{i.why}</p>
        {waiting ? (
          <p class="status" role="status">{t('today.recorded')}</p>
        ) : formOpen && open.form === 'done' ? (
          <DoneForm followUpId={i.followUpId} channel={i.channel} onDone={() => setOpen(undefined)} onCancel={() => setOpen(undefined)} />
        ) : formOpen ? (
          <SnoozeForm followUpId={i.followUpId} onDone={() => setOpen(undefined)} onCancel={() => setOpen(undefined)} />
        ) : (
          <div class="actions">
            <button type="button" class="primary small" aria-label={t('today.doneFor', { name: i.customerName })} onClick={() => setOpen({ id: i.followUpId, form: 'done' })}>
              {t('today.done')}
            </button>
            <button type="button" class="secondary" aria-label={t('today.snoozeFor', { name: i.customerName })} onClick={() => setOpen({ id: i.followUpId, form: 'snooze' })}>
              {t('today.snooze')}
            </button>
          </div>
        )}
      </li>
    );
  }

  return (
    <Screen title={t('today.title')}>
      <p class="lead">{t('today.greeting', { name: profile.displayName })}</p>
      <p class="muted">{date}</p>
      {cached && stale && (
        <p class="warning" data-testid="as-of">
          {t('today.asOf', { time: formatRelativeTime(cached.fetchedAt) })}
        </p>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {!cached ? (
        <p role="status">{offline ? t('today.offlineNoCache') : t('loading')}</p>
      ) : list.length === 0 && renewals.length === 0 && collections.length === 0 && (!manages || teamWork === 0) ? (
        <EmptyState icon="today" title={t('today.emptyTitle')} body={t('today.emptyBody')} />
      ) : (
        <>
          {overdue.length > 0 && (
            <section aria-labelledby="overdue-h">
              <h2 id="overdue-h">{tn('today.overdue', overdue.length)}</h2>
              <ul class="plain">{overdue.map(item)}</ul>
            </section>
          )}
          {due.length > 0 && (
            <section aria-labelledby="due-h">
              <h2 id="due-h">{tn('today.due', due.length)}</h2>
              <ul class="plain">{due.map(item)}</ul>
            </section>
          )}
          {collections.length > 0 && (
            <section aria-labelledby="collections-h">
              <h2 id="collections-h">{tn('today.collections', collections.length)}</h2>
              <ul class="plain">
                {collections.map((c) => (
                  <li key={c.instalmentId} class="card agenda-item overdue" data-testid="agenda-collection">
                    <a href={`/contracts/${c.contractId}`} onClick={followLink} class="title-link">{c.customerName} · {c.number}</a>
                    <p class="chips">
                      <span class="chip chip-warn">{tn('today.daysOverdue', c.daysOverdue)}</span>
                      <span class="chip">{formatMoney(c.outstanding, c.currency)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {renewals.length > 0 && (
            <section aria-labelledby="renewals-h">
              <h2 id="renewals-h">{tn('today.renewals', renewals.length)}</h2>
              <ul class="plain">
                {renewals.map((r) => (
                  <li key={r.contractId} class={`card agenda-item${r.expiredUndecided ? ' overdue' : ''}`} data-testid="agenda-renewal">
                    <a href={`/contracts/${r.contractId}`} onClick={followLink} class="title-link">{r.customerName} · {r.number}</a>
                    <p class="chips">
                      <span class={`chip${r.daysToEnd <= 30 ? ' chip-warn' : ''}`}>
                        {r.daysToEnd >= 0 ? tn('contracts.daysLeft', r.daysToEnd) : tn('contracts.daysAgo', -r.daysToEnd)}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {cached && (
        <>
          {manages && <TeamMoneyCard profile={profile} onWork={setTeamWork} />}
          {profile.role === 'REP' && <ActionCard />}
          <ApprovalsCard profile={profile} />
        </>
      )}
    </Screen>
  );
}
