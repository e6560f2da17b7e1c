import type { ComponentChildren } from 'preact';
import { formatMoney, formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { barWidth, formatValue, metricLabel, percent, periodChoices, userToday, periodLabel } from '../shared/metrics';
import { chartPoints, conversion, funnelWidths, largestDropOff, type Achievement, type Funnel, type Indicators, type Week } from './model';

/** Choosing the period of a dashboard or a plan. */
export function PeriodPicker({ id, value, onChange }: { id: string; value: string; onChange: (period: string) => void }) {
  const choices = periodChoices(userToday());
  return (
    <>
      <label for={id}>{t('kpi.period')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {(choices.includes(value) ? choices : [value, ...choices]).map((p) => (
          <option key={p} value={p}>{periodLabel(p)}</option>
        ))}
      </select>
    </>
  );
}

/** Approved targets with how far the actual has come; an unmeasured metric shows "—". */
export function AchievementList({ achievements, testId }: { achievements: Achievement[]; testId?: string }) {
  if (achievements.length === 0) return <p class="muted">{t('kpi.noApproved')}</p>;
  return (
    <ul class="plain" data-testid={testId}>
      {achievements.map((a) => (
        <li key={a.targetId} class="achievement">
          <div class="between">
            <strong>{metricLabel(a.metric)}</strong>
            <span>{a.measured ? percent(a.rate) : '—'}</span>
          </div>
          <div class="bar" aria-hidden="true"><span style={{ width: `${a.measured ? barWidth(a.rate) : 0}%` }} /></div>
          <p class="muted">
            {a.measured ? t('kpi.actualOfTarget', { actual: formatValue(a.actual, a.metric, a.currency), target: formatValue(a.target, a.metric, a.currency) })
              : t('kpi.notMeasured', { target: formatValue(a.target, a.metric, a.currency) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

const amounts = (list: { currency: string; amount: number | string }[]) => list.map((m) => formatMoney(m.amount, m.currency)).join(' · ') || '—';

/** Process, result and health indicators; the money ones only when the server sends them. */
export function IndicatorList({ indicators: i }: { indicators: Indicators }) {
  const row = (label: MessageKey, value: ComponentChildren) => (<><dt>{t(label)}</dt><dd>{value}</dd></>);
  return (
    <dl class="facts" data-testid="indicators">
      {row('kpi.effectiveVisits', `${formatNumber(i.effectiveVisits)} / ${formatNumber(i.visits)}`)}
      {row('kpi.newCustomers', formatNumber(i.newCustomers))}
      {row('kpi.onTime', `${percent(i.followUpOnTimeRate)} (${formatNumber(i.followUpsOnTime)} / ${formatNumber(i.followUpsDue)})`)}
      {row('kpi.freshness', `${percent(i.leadFreshness)} (${formatNumber(i.freshLeads)} / ${formatNumber(i.openLeads)})`)}
      {i.grades && row('kpi.grades', ['A', 'B', 'C'].map((g) => `${g} ${formatNumber(i.grades?.[g] ?? 0)}`).join(' · '))}
      {i.proposals !== undefined && row('kpi.proposals', formatNumber(i.proposals))}
      {i.dealsWon !== undefined && row('kpi.dealsWonLost', `${formatNumber(i.dealsWon)} / ${formatNumber(i.dealsLost ?? 0)}`)}
      {i.winRate !== undefined && row('kpi.winRate', percent(i.winRate))}
      {i.revenue && row('kpi.revenue', amounts(i.revenue))}
      {i.averageDealSize && row('kpi.averageDeal', amounts(i.averageDealSize))}
      {i.collections && row('kpi.collections', i.collections.length === 0 ? '—' : i.collections.map((c) =>
        t('kpi.collectedOfDue', { collected: formatMoney(c.collected, c.currency), due: formatMoney(c.due, c.currency), rate: percent(c.rate) })).join(' · '))}
      {i.collectionCycleDays !== undefined && row('kpi.cycle', i.collectionCycleDays === null ? '—' : t('kpi.days', { n: formatNumber(Number(i.collectionCycleDays)) }))}
    </dl>
  );
}

/** The funnel: counts and conversion per stage, the largest drop-off highlighted. */
export function FunnelView({ funnel }: { funnel: Funnel }) {
  const worst = funnel.largestDropOff ?? largestDropOff(funnel.stages);
  const widths = funnelWidths(funnel.stages);
  return (
    <ol class="plain funnel" data-testid="funnel">
      {funnel.stages.map((s, i) => {
        const rate = conversion(funnel.stages, i);
        return (
          <li key={s.stage} class={s.stage === worst ? 'flag-warn' : undefined}>
            <div class="between">
              <span>{t(`stage.${s.stage}` as MessageKey)}</span>
              <strong>{formatNumber(s.count)}</strong>
            </div>
            <div class="bar" aria-hidden="true"><span style={{ width: `${widths[i]}%` }} /></div>
            {i > 0 && <p class="muted">{t('funnel.conversion', { rate: rate === null ? '—' : percent(rate) })}</p>}
            {s.stage === worst && <span class="chip chip-warn">{t('funnel.largestDropOff')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** A small line chart in plain SVG, described for screen readers by its values. */
export function Sparkline({ label, values, weeks }: { label: string; values: number[]; weeks: string[] }) {
  const width = 160;
  const height = 40;
  const points = chartPoints(values, width, height);
  const summary = `${label}: ${values.map((v, i) => `${weeks[i]} ${formatNumber(v)}`).join(', ')}`;
  return (
    <figure class="spark">
      <figcaption>{label}<span class="muted"> {formatNumber(values[values.length - 1] ?? 0)}</span></figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
        <line x1="0" y1={height - 1} x2={width} y2={height - 1} stroke="currentColor" stroke-opacity=".25" />
        {points.length > 1 && <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="currentColor" stroke-width="2" />}
        {points.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r="2.5" fill="currentColor" />)}
      </svg>
    </figure>
  );
}

/** Weekly trend of effective visits and new customers. */
export function TrendCharts({ trend }: { trend: Week[] }) {
  if (trend.length === 0) return <p class="muted">{t('kpi.noTrend')}</p>;
  const weeks = trend.map((w) => w.weekStart.slice(5));
  return (
    <div class="sparks" data-testid="trend">
      <Sparkline label={t('kpi.effectiveVisitsShort')} values={trend.map((w) => w.effectiveVisits)} weeks={weeks} />
      <Sparkline label={t('kpi.newCustomers')} values={trend.map((w) => w.newCustomers)} weeks={weeks} />
    </div>
  );
}

/** A titled card section. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
