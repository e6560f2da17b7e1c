import { api } from '../api/client';
import { channelLabel, gradeLabel, stageLabel, type AgendaItem } from '../customers/model';
import { formatNumber } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import type { Always, Refine, Returns, Schema } from '../api/types';
import { useLoad } from '../shared/useLoad';

/** GET /api/v1/agenda/team */
type RepLoad = Always<Schema<'RepLoad'>, 'repId' | 'name' | 'overdue' | 'dueToday' | 'missedLast30Days' | 'neglected'>;
type TeamAgenda = Refine<
  Always<Returns<'AgendaResource_team'>, 'date'>,
  { reps: RepLoad[]; urgent: (AgendaItem & { ownerId: string })[] }
>;

/** The manager's team today: each rep's load, the most urgent follow-ups, links to a rep's neglected customers. */
export function TeamScreen() {
  const { data: team, error } = useLoad(() => api<TeamAgenda>('/api/v1/agenda/team'), [], { whenSynced: false });
  const names = new Map(team?.reps.map((r) => [r.repId, r.name]));
  return (
    <Screen title={t('team.title')}>
      <div class="card links" data-testid="team-links">
        <a href="/team/money" onClick={followLink}>{t('teamMoney.link')}</a>
        <a href="/team/dashboard" onClick={followLink}>{t('team.dashboard')}</a>
        <a href="/team/targets" onClick={followLink}>{t('team.targets')}</a>
        <a href="/team/coaching" onClick={followLink}>{t('team.coaching')}</a>
        <a href="/team/proposals" onClick={followLink}>{t('team.proposals')}</a>
        <a href="/team/reports" onClick={followLink}>{t('team.reports')}</a>
        <a href="/team/onboarding" onClick={followLink}>{t('team.onboarding')}</a>
      </div>
      <a href="/team/feed" onClick={followLink} class="button secondary">{t('team.feed')}</a>
      {error && <p class="error" role="alert">{error}</p>}
      {!team ? (
        !error && <p>{t('loading')}</p>
      ) : (
        <>
          <section aria-labelledby="reps-h">
            <h2 id="reps-h">{t('team.reps')}</h2>
            {team.reps.length === 0 && <p class="muted">{t('team.noReps')}</p>}
            <ul class="plain" data-testid="team-reps">
              {team.reps.map((r) => (
                <li key={r.repId} class={`card${r.overdue ? ' agenda-item overdue' : ''}`}>
                  <strong>{r.name}</strong>
                  <dl class="facts">
                    <dt>{t('team.overdue')}</dt><dd>{formatNumber(r.overdue)}</dd>
                    <dt>{t('team.dueToday')}</dt><dd>{formatNumber(r.dueToday)}</dd>
                    <dt>{t('team.missed30')}</dt><dd>{formatNumber(r.missedLast30Days)}</dd>
                    <dt>{t('team.neglected')}</dt><dd>{formatNumber(r.neglected)}</dd>
                  </dl>
                  <div class="actions">
                    <a class="button secondary" href={`/customers?ownerId=${r.repId}&overdue=true&sort=NEXT_DUE`} onClick={followLink}>
                      {t('team.overdueLink')}<span class="visually-hidden"> · {r.name}</span>
                    </a>
                    <a class="button secondary" href={`/customers?ownerId=${r.repId}&neglected=true&sort=LAST_TOUCHED`} onClick={followLink}>
                      {t('team.neglectedLink')}<span class="visually-hidden"> · {r.name}</span>
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="urgent-h">
            <h2 id="urgent-h">{t('team.urgent')}</h2>
            {team.urgent.length === 0 && <p class="muted">{t('team.noUrgent')}</p>}
            <ul class="plain">
              {team.urgent.map((i) => (
                <li key={i.followUpId} class="card agenda-item overdue">
                  <a href={`/customers/${i.customerId}`} onClick={followLink} class="title-link">{i.customerName}</a>
                  <p class="chips">
                    <span class="chip">{names.get(i.ownerId) ?? '—'}</span>
                    <span class="chip">{gradeLabel(i.grade)}</span>
                    <span class="chip">{stageLabel(i.stage)}</span>
                    <span class="chip">{channelLabel(i.channel)}</span>
                    <span class="chip chip-warn">{tn('today.daysOverdue', i.daysOverdue)}</span>
                  </p>
                  <p class="muted">{i.why}</p>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Screen>
  );
}
