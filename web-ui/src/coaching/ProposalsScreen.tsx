import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate, formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { loadPeople, nameOf, type Person } from '../team/people';
import { metricLabel, percent, type Metric } from '../targets/model';
import { evidenceRows, isoDay, kindLabel, ruleLabel, type MissedMonth, type Proposal, type ProposalAccept, type ProposalDismiss } from './model';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { month: 'short', day: 'numeric' });

/** Coaching the diagnosis proposes, with its evidence beside the team's median: accept (a task) or dismiss with a reason. */
export function ProposalsScreen() {
  const [status, setStatus] = useState<Proposal['status']>('OPEN');
  const {
    data: proposals,
    error,
    setError,
    reload,
  } = useLoad(async () => (await api<ListOf<'CoachingResource_proposals', Proposal>>(`/api/v1/coaching-proposals?status=${status}&limit=200`)).items, [status], {
    whenSynced: false,
  });
  const [people, setPeople] = useState<Person[]>([]);
  const [saved, setSaved] = useState<MessageKey>();
  useEffect(() => void loadPeople().then(setPeople, () => undefined), []);

  async function decide(p: Proposal, action: 'accept' | 'dismiss', body: unknown, done: MessageKey) {
    try {
      await api(`/api/v1/coaching-proposals/${p.id}/${action}`, { method: 'POST', body });
      setSaved(done);
      setError(undefined);
      await reload();
    } catch (e) {
      setSaved(undefined);
      setError(describeError(e));
    }
  }

  return (
    <Screen title={t('proposals.title')}>
      <p class="muted">{t('proposals.intro')}</p>
      <label for="proposal-status">{t('coaching.filterStatus')}</label>
      <select id="proposal-status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as Proposal['status'])}>
        {(['OPEN', 'ACCEPTED', 'DISMISSED'] as const).map((s) => <option key={s} value={s}>{t(`proposals.status.${s}` as MessageKey)}</option>)}
      </select>
      {error && <p class="error" role="alert">{error}</p>}
      {saved && (
        <p class="status" role="status">
          {t(saved)} {saved === 'proposals.accepted' && <a href="/team/coaching" onClick={followLink}>{t('proposals.openTasks')}</a>}
        </p>
      )}
      {!proposals ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          {proposals.length === 0 && <p class="muted">{t('proposals.none')}</p>}
          <ul class="plain" data-testid="proposals">
            {proposals.map((p) => (
              <ProposalCard key={p.id} proposal={p} rep={nameOf(people, p.repId)}
                onAccept={(body) => void decide(p, 'accept', body, 'proposals.accepted')}
                onDismiss={(reason) => void decide(p, 'dismiss', { reason } satisfies ProposalDismiss, 'proposals.dismissed')} />
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}

const EVIDENCE = new Set(['effectiveVisits', 'conversions', 'conversionRate', 'followUpsDue', 'followUpsOnTime', 'onTimeRate', 'threshold', 'months', 'proposals', 'dealsWon', 'winRate']);
const evidenceLabel = (key: string) => (EVIDENCE.has(key) ? t(`evidence.${key}` as MessageKey) : key);

function show(value: unknown, rate: boolean): string {
  if (value === undefined || value === null) return '—';
  return rate ? percent(value as number) : formatNumber(Number(value));
}

function ProposalCard({ proposal: p, rep, onAccept, onDismiss }: {
  proposal: Proposal; rep: string; onAccept: (body: ProposalAccept) => void; onDismiss: (reason: string) => void;
}) {
  const [open, setOpen] = useState<'accept' | 'dismiss'>();
  const missed = Array.isArray(p.evidence.missed) ? (p.evidence.missed as MissedMonth[]) : [];
  const id = `proposal-${p.id}`;
  return (
    <li class="card" data-testid="proposal">
      <div class="between">
        <strong>{rep} · {ruleLabel(p.rule)}</strong>
        <span class="chip">{kindLabel(p.kind)}</span>
      </div>
      <p class="muted">{t('proposals.window', { from: day(p.windowStart), to: day(p.windowEnd) })}</p>
      <table>
        <thead><tr><th scope="col">{t('proposals.measure')}</th><th scope="col" class="num">{t('proposals.rep')}</th><th scope="col" class="num">{t('proposals.median')}</th></tr></thead>
        <tbody>
          {evidenceRows(p.evidence).map((row) => (
            <tr key={row.key}>
              <th scope="row">{evidenceLabel(row.key)}</th>
              <td class="num">{show(row.value, row.rate)}</td>
              <td class="num">{row.median === undefined ? '' : show(row.median, row.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missed.length > 0 && (
        <ul class="bullets">
          {missed.map((m) => (
            <li key={m.month + m.metric}>{t('proposals.missedMonth', { month: m.month, metric: metricLabel(m.metric as Metric), actual: show(m.actual, false), target: show(m.target, false) })}</li>
          ))}
        </ul>
      )}
      {p.dismissReason && <p class="muted">{t('proposals.dismissedWhy', { reason: p.dismissReason })}</p>}
      {p.status === 'OPEN' && !open && (
        <div class="actions">
          <button type="button" class="primary small" aria-label={`${t('proposals.accept')} · ${rep} · ${ruleLabel(p.rule)}`} onClick={() => setOpen('accept')}>{t('proposals.accept')}</button>
          <button type="button" class="secondary" aria-label={`${t('proposals.dismiss')} · ${rep} · ${ruleLabel(p.rule)}`} onClick={() => setOpen('dismiss')}>{t('proposals.dismiss')}</button>
        </div>
      )}
      {open === 'accept' && (
        <form class="inline-form" onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget as HTMLFormElement);
          const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
          onAccept({ title: text('title'), goal: text('goal'), dueOn: text('dueOn') });
        }}>
          <p class="muted">{t('proposals.acceptHint')}</p>
          <label for={`${id}-title`}>{t('coaching.taskTitle')}</label>
          <input id={`${id}-title`} name="title" maxLength={200} />
          <label for={`${id}-goal`}>{t('coaching.goal')}</label>
          <textarea id={`${id}-goal`} name="goal" maxLength={2000} rows={2} />
          <label for={`${id}-due`}>{t('coaching.dueOn')}</label>
          <input id={`${id}-due`} name="dueOn" type="date" min={isoDay(0)} defaultValue={isoDay(14)} />
          <div class="actions">
            <button type="submit" class="primary">{t('proposals.acceptSave')}</button>
            <button type="button" class="secondary" onClick={() => setOpen(undefined)}>{t('cancel')}</button>
          </div>
        </form>
      )}
      {open === 'dismiss' && (
        <form class="inline-form" onSubmit={(e) => {
          e.preventDefault();
          onDismiss(String(new FormData(e.currentTarget as HTMLFormElement).get('reason')).trim());
        }}>
          <label for={`${id}-reason`}>{t('proposals.reason')}</label>
          <textarea id={`${id}-reason`} name="reason" required maxLength={1000} rows={2} />
          <div class="actions">
            <button type="submit" class="primary">{t('proposals.dismissSave')}</button>
            <button type="button" class="secondary" onClick={() => setOpen(undefined)}>{t('cancel')}</button>
          </div>
        </form>
      )}
    </li>
  );
}
