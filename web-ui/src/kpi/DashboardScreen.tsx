import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { HonoursBoard } from '../incentive/HonoursBoard';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { percent, metricLabel, periodChoices, userToday } from '../shared/metrics';
import { TeamPicker, useTeams } from '../team/TeamPicker';
import { ReturnOnSpendCard } from '../expense/ReturnOnSpendCard';
import { sortRows, type KpiReport, type RepRow, type SortKey } from './model';
import { AchievementList, FunnelView, IndicatorList, PeriodPicker, Section, TrendCharts } from './Widgets';

const ORGANISATION = 'organisation';

/** A team's (or the organisation's) dashboard: indicators, achievement, funnel, weekly trend and the reps side by side. */
export function DashboardScreen({ profile }: { profile: Profile }) {
  const teams = useTeams(profile);
  const [team, setTeam] = useState<string>();
  const [period, setPeriod] = useState(periodChoices(userToday())[0]);
  const [report, setReport] = useState<KpiReport>();
  const [error, setError] = useState<string>();
  const org = profile.role === 'ADMIN' || profile.role === 'DIRECTOR';
  const subject = team ?? (org ? ORGANISATION : teams.preferred);

  useEffect(() => {
    if (!subject) return;
    setReport(undefined);
    const path = subject === ORGANISATION ? '/api/v1/kpis/organisation' : `/api/v1/kpis/teams/${subject}`;
    api<KpiReport>(`${path}?period=${period}`).then((r) => {
      setReport(r);
      setError(undefined);
    }, (e) => setError(describeError(e)));
  }, [subject, period]);

  return (
    <Screen title={t('dashboard.title')}>
      <div class="row">
        <div>
          <TeamPicker id="dash-team" teams={teams.list} value={subject} onChange={setTeam}
            extra={org ? [{ id: ORGANISATION, name: t('target.level.ORGANISATION') }] : []} />
        </div>
        <div><PeriodPicker id="dash-period" value={period} onChange={setPeriod} /></div>
      </div>
      {(error ?? teams.error) && <p class="error" role="alert">{error ?? teams.error}</p>}
      <div class="card links"><a href="/team/commission" onClick={followLink}>{t('dashboard.commission')}</a></div>
      {subject && (
        <HonoursBoard month={/^\d{4}-\d{2}$/.test(period) ? period : periodChoices(userToday())[0]}
          team={subject === ORGANISATION ? undefined : subject} />
      )}
      {!report ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <Section id="dash-ach-h" title={t('dashboard.achievement')}>
            <AchievementList achievements={report.achievements} testId="team-achievements" />
          </Section>
          <Section id="dash-ind-h" title={t('kpi.indicators')}>
            <IndicatorList indicators={report.indicators} />
          </Section>
          <Section id="dash-funnel-h" title={t('kpi.funnel')}>
            <FunnelView funnel={report.funnel} />
          </Section>
          <Section id="dash-trend-h" title={t('kpi.trend')}>
            <TrendCharts trend={report.trend} />
          </Section>
          <Section id="dash-reps-h" title={t('dashboard.reps')}>
            <RepTable rows={report.reps ?? []} />
          </Section>
          <ReturnOnSpendCard team={subject === ORGANISATION ? undefined : subject} month={/^\d{4}-\d{2}$/.test(period) ? period : periodChoices(userToday())[0]} />
        </>
      )}
    </Screen>
  );
}

interface Column {
  key: SortKey;
  label: MessageKey;
  value: (row: RepRow) => string;
}

const COLUMNS: Column[] = [
  { key: 'effectiveVisits', label: 'kpi.effectiveVisitsShort', value: (r) => formatNumber(r.indicators.effectiveVisits) },
  { key: 'newCustomers', label: 'kpi.newCustomers', value: (r) => formatNumber(r.indicators.newCustomers) },
  { key: 'followUpOnTimeRate', label: 'kpi.onTimeShort', value: (r) => percent(r.indicators.followUpOnTimeRate) },
  { key: 'won', label: 'stage.WON', value: (r) => formatNumber(r.funnel.stages.find((s) => s.stage === 'WON')?.count ?? 0) },
];
const MONEY_COLUMNS: Column[] = [
  { key: 'dealsWon', label: 'kpi.dealsWon', value: (r) => (r.indicators.dealsWon === undefined ? '—' : formatNumber(r.indicators.dealsWon)) },
  { key: 'winRate', label: 'kpi.winRate', value: (r) => percent(r.indicators.winRate) },
];

/** One row per rep, sortable by any column (a second click reverses). */
export function RepTable({ rows }: { rows: RepRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'effectiveVisits', descending: true });
  if (rows.length === 0) return <p class="muted">{t('team.noReps')}</p>;
  const columns = rows.some((r) => r.indicators.dealsWon !== undefined) ? [...COLUMNS, ...MONEY_COLUMNS] : COLUMNS;
  const sorted = sortRows(rows, sort.key, sort.descending);
  const header = (key: SortKey, label: string, num = true) => (
    <th scope="col" class={num ? 'num' : undefined} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="link-button" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'name' })}>
        {label}{sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  return (
    <div class="scroll-x">
      <table data-testid="rep-table">
        <thead>
          <tr>
            {header('name', t('dashboard.rep'), false)}
            {columns.map((c) => header(c.key, t(c.label)))}
            <th scope="col">{t('dashboard.achievementShort')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.userId}>
              <th scope="row">{row.displayName}</th>
              {columns.map((c) => <td key={c.key} class="num">{c.value(row)}</td>)}
              <td>{row.achievements.map((a) => `${metricLabel(a.metric)} ${a.measured ? percent(a.rate) : '—'}`).join(' · ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
