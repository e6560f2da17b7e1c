import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { isoDay } from '../coaching/model';
import { Section } from '../kpi/Widgets';
import { Screen } from '../shell/Screen';
import { mondayOf, type ReportWrite, type WeeklyReport } from './model';
import { WeekNav, WeekNumbers } from './WeekData';

/** The rep's weekly report: the data layer from the records, the behaviour and problem layers to write and submit. */
export function WeeklyReportScreen() {
  const [week, setWeek] = useState(mondayOf(isoDay(0)));
  const [report, setReport] = useState<WeeklyReport>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<MessageKey>();

  async function load() {
    try {
      setReport(await api<WeeklyReport>(`/api/v1/reports/weekly?week=${week}`));
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    setReport(undefined);
    setSaved(undefined);
    void load();
  }, [week]);

  async function save(event: Event, submit: boolean) {
    event.preventDefault();
    const form = new FormData((event.currentTarget as HTMLElement).closest('form') as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    try {
      setReport(await api<WeeklyReport>(`/api/v1/reports/weekly?week=${week}`, {
        method: 'PUT',
        body: { behaviour: text('behaviour'), problems: text('problems'), supportNeeded: text('supportNeeded'), submit, version: report?.version } satisfies ReportWrite,
      }));
      setSaved(submit ? 'report.submitted' : 'report.saved');
      setError(undefined);
    } catch (e) {
      setSaved(undefined);
      setError(describeError(e));
    }
  }

  const submitted = report?.status === 'SUBMITTED';
  return (
    <Screen title={t('report.title')}>
      {report && <WeekNav label={report.week} weekStart={report.weekStart} onMove={(n) => setWeek(mondayOf(week, n))} />}
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t(saved)}</p>}
      {!report ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <Section id="data-h" title={t('report.dataLayer')}>
            <p class="muted">{t(submitted ? 'report.dataFrozen' : 'report.dataLive')}</p>
            <WeekNumbers data={report.data} />
          </Section>
          {submitted ? (
            <Section id="layers-h" title={t('report.yourLayers')}>
              <p class="chips"><span class="chip">{t('report.status.SUBMITTED')}</span></p>
              <Layers report={report} />
              {report.managerComment ? <p class="warning">{t('report.commentIs', { comment: report.managerComment })}</p>
                : <p class="muted">{t('report.noComment')}</p>}
            </Section>
          ) : (
            <form class="card" key={`${week}-${report.version ?? 'new'}`} aria-labelledby="write-h" onSubmit={(e) => void save(e, true)}>
              <h2 id="write-h">{t('report.yourLayers')}</h2>
              <label for="report-behaviour">{t('report.behaviour')}</label>
              <textarea id="report-behaviour" name="behaviour" maxLength={4000} rows={4} defaultValue={report.behaviour ?? ''} required />
              <label for="report-problems">{t('report.problems')}</label>
              <textarea id="report-problems" name="problems" maxLength={4000} rows={4} defaultValue={report.problems ?? ''} required />
              <label for="report-support">{t('report.support')}</label>
              <textarea id="report-support" name="supportNeeded" maxLength={2000} rows={2} defaultValue={report.supportNeeded ?? ''} />
              <div class="actions">
                <button type="button" class="secondary" onClick={(e) => void save(e, false)}>{t('report.saveDraft')}</button>
                <button type="submit" class="primary">{t('report.submit')}</button>
              </div>
            </form>
          )}
        </>
      )}
    </Screen>
  );
}

/** The rep's written layers, read-only. */
export function Layers({ report }: { report: WeeklyReport }) {
  return (
    <dl class="layers">
      <dt>{t('report.behaviour')}</dt><dd>{report.behaviour ?? '—'}</dd>
      <dt>{t('report.problems')}</dt><dd>{report.problems ?? '—'}</dd>
      <dt>{t('report.support')}</dt><dd>{report.supportNeeded ?? '—'}</dd>
    </dl>
  );
}
