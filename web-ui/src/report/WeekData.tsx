import { formatDate, formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { AchievementList } from '../kpi/Widgets';
import { percent, periodLabel } from '../targets/model';
import type { WeekData } from './model';

/** The data layer of a report, generated from the records: read-only. */
export function WeekNumbers({ data, targets = true }: { data: WeekData; targets?: boolean }) {
  return (
    <>
      <dl class="facts" data-testid="week-data">
        <dt>{t('report.visits')}</dt><dd>{formatNumber(data.effectiveVisits)} / {formatNumber(data.visits)}</dd>
        <dt>{t('report.newLeads')}</dt><dd>{formatNumber(data.newCustomers)}</dd>
        <dt>{t('report.stageMoves')}</dt><dd>{formatNumber(data.stageMoves)}</dd>
        <dt>{t('kpi.onTime')}</dt><dd>{percent(data.followUpOnTimeRate)} ({formatNumber(data.followUpsOnTime)} / {formatNumber(data.followUpsDue)})</dd>
      </dl>
      {targets && data.month && (
        <>
          <h3>{t('report.monthTargets', { month: periodLabel(data.month) })}</h3>
          <AchievementList achievements={data.monthTargets ?? []} />
        </>
      )}
    </>
  );
}

/** Previous / next week around the one shown. */
export function WeekNav({ label, weekStart, onMove }: { label: string; weekStart: string; onMove: (weeks: number) => void }) {
  return (
    <div class="between week-nav">
      <button type="button" class="secondary small" onClick={() => onMove(-1)}>{t('report.previousWeek')}</button>
      <strong>{label} · {formatDate(new Date(`${weekStart}T12:00:00`), { month: 'short', day: 'numeric' })}</strong>
      <button type="button" class="secondary small" onClick={() => onMove(1)}>{t('report.nextWeek')}</button>
    </div>
  );
}
