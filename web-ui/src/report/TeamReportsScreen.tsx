import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { isoDay } from '../coaching/model';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { Section } from '../kpi/Widgets';
import type { Profile } from '../shared/profile';
import { Screen } from '../shell/Screen';
import { TeamPicker, useTeams } from '../team/TeamPicker';
import { mondayOf, type TeamWeek, type ReportComment, type WeeklyReport } from './model';
import { WeekNav, WeekNumbers } from './WeekData';
import { Layers } from './WeeklyReportScreen';

/** The manager's week: the team's totals, each rep's report, and a comment on each submitted one. */
export function TeamReportsScreen({ profile }: { profile: Profile }) {
  const teams = useTeams(profile);
  const [team, setTeam] = useState<string>();
  const [week, setWeek] = useState(mondayOf(isoDay(0)));
  const [roll, setRoll] = useState<TeamWeek>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const subject = team ?? teams.preferred;

  async function load() {
    if (!subject) return;
    try {
      setRoll(await api<TeamWeek>(`/api/v1/reports/weekly/team?teamId=${subject}&week=${week}`));
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    setRoll(undefined);
    void load();
  }, [subject, week]);

  async function comment(report: WeeklyReport, text: string) {
    try {
      await api(`/api/v1/reports/weekly/comment?user=${report.userId}&week=${week}`, { method: 'POST', body: { comment: text } satisfies ReportComment });
      setSaved(t('reports.commented', { name: report.displayName }));
      setError(undefined);
      await load();
    } catch (e) {
      setSaved(undefined);
      setError(describeError(e));
    }
  }

  return (
    <Screen title={t('reports.title')}>
      <TeamPicker id="reports-team" teams={teams.list} value={subject} onChange={setTeam} />
      {roll && <WeekNav label={roll.week} weekStart={roll.weekStart} onMove={(n) => setWeek(mondayOf(week, n))} />}
      {(error ?? teams.error) && <p class="error" role="alert">{error ?? teams.error}</p>}
      {saved && <p class="status" role="status">{saved}</p>}
      {!roll ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <Section id="rollup-h" title={t('reports.rollup')}>
            <p class="lead">{t('reports.submittedCount', { n: formatNumber(roll.submitted), total: formatNumber(roll.reps) })}</p>
            <WeekNumbers data={roll.totals} targets={false} />
          </Section>
          <ul class="plain" data-testid="team-reports">
            {roll.reports.map((r) => (
              <li key={r.userId} class={`card${r.status === 'SUBMITTED' ? '' : ' flag-warn'}`}>
                <div class="between">
                  <h2>{r.displayName}</h2>
                  <span class="chip">{t(r.status === 'SUBMITTED' ? 'report.status.SUBMITTED' : r.status === 'DRAFT' ? 'report.status.DRAFT' : 'report.status.NONE')}</span>
                </div>
                <WeekNumbers data={r.data} targets={false} />
                {r.status === 'SUBMITTED' && (
                  <>
                    <Layers report={r} />
                    {r.managerComment && <p class="warning">{t('report.commentIs', { comment: r.managerComment })}</p>}
                    <form class="inline-form" onSubmit={(e) => {
                      e.preventDefault();
                      void comment(r, String(new FormData(e.currentTarget as HTMLFormElement).get('comment')).trim());
                    }}>
                      <label for={`comment-${r.userId}`}>{t('reports.comment', { name: r.displayName })}</label>
                      <textarea id={`comment-${r.userId}`} name="comment" required maxLength={2000} rows={2} defaultValue={r.managerComment ?? ''} />
                      <div class="actions">
                        <button type="submit" class="secondary" aria-label={`${t('reports.saveComment')} · ${r.displayName}`}>{t('reports.saveComment')}</button>
                      </div>
                    </form>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
