import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { KpiReport } from '../kpi/model';
import { AchievementList, FunnelView, IndicatorList, PeriodPicker, Section, TrendCharts } from '../kpi/Widgets';
import type { Profile } from '../shared/profile';
import { Screen } from '../shell/Screen';
import { formatValue, isMoney, metricLabel, periodChoices, userToday, statusLabel, type Target, type TargetSubmit, type TargetUpdate } from './model';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

/** The rep's targets of a period: approved ones with achievement bars, their own drafts to adjust and submit. */
export function MyTargetsScreen({ profile }: { profile: Profile }) {
  const [period, setPeriod] = useState(periodChoices(userToday())[0]);
  const { data, error, setError, reload } = useLoad(
    () =>
      Promise.all([
        api<KpiReport>(`/api/v1/kpis/me?period=${period}`),
        api<ListOf<'TargetResource_list', Target>>(`/api/v1/targets?period=${period}&userId=${profile.id}&limit=200`),
      ]),
    [period],
    { whenSynced: false },
  );
  const report = data?.[0];
  const mine = data?.[1].items;
  const [saved, setSaved] = useState<MessageKey>();

  async function act(target: Target, path: string, body: unknown, done: MessageKey) {
    try {
      await api(`/api/v1/targets/${target.id}${path}`, { method: path ? 'POST' : 'PATCH', body });
      setSaved(done);
      await reload();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const plans = (mine ?? []).filter((x) => x.status !== 'APPROVED');
  return (
    <Screen title={t('targets.mine')}>
      <PeriodPicker id="my-period" value={period} onChange={setPeriod} />
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t(saved)}</p>}
      {!report || !mine ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          <Section id="achieved-h" title={t('targets.progress')}>
            <AchievementList achievements={report.achievements} testId="my-achievements" />
          </Section>
          <Section id="plans-h" title={t('targets.plans')}>
            {plans.length === 0 ? <p class="muted">{t('targets.noPlans')}</p> : (
              <ul class="plain" data-testid="my-plans">
                {plans.map((x) => (
                  <li key={x.id} class={`card${x.status === 'RETURNED' ? ' flag-warn' : ''}`}>
                    <div class="between">
                      <strong>{metricLabel(x.metric)}</strong>
                      <span class="chip">{statusLabel(x.status)}</span>
                    </div>
                    <p>{formatValue(x.value, x.metric, x.currency)}</p>
                    {x.reviewComment && <p class="warning">{t('targets.returnedWith', { comment: x.reviewComment })}</p>}
                    {(x.status === 'DRAFT' || x.status === 'RETURNED') && (
                      <PlanForm target={x}
                        onSave={(value) => void act(x, '', { value: Number(value), version: x.version } satisfies TargetUpdate, 'targets.saved')}
                        onSubmit={() => void act(x, '/submit', {} satisfies TargetSubmit, 'targets.submitted')} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="my-kpi-h" title={t('kpi.indicators')}>
            <IndicatorList indicators={report.indicators} />
          </Section>
          <Section id="my-funnel-h" title={t('kpi.funnel')}>
            <FunnelView funnel={report.funnel} />
          </Section>
          <Section id="my-trend-h" title={t('kpi.trend')}>
            <TrendCharts trend={report.trend} />
          </Section>
        </>
      )}
    </Screen>
  );
}

function PlanForm({ target, onSave, onSubmit }: { target: Target; onSave: (value: string) => void; onSubmit: () => void }) {
  const id = `plan-${target.id}`;
  return (
    <form class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      onSave(String(new FormData(e.currentTarget as HTMLFormElement).get('value')).trim());
    }}>
      <label for={id}>{t('targets.value', { metric: metricLabel(target.metric) })}</label>
      <input id={id} name="value" type="number" required min="0" step={isMoney(target.metric) ? '0.01' : '1'} defaultValue={String(target.value)} />
      <div class="actions">
        <button type="submit" class="secondary">{t('targets.save')}</button>
        <button type="button" class="primary" onClick={onSubmit}>{t('targets.submit')}</button>
      </div>
    </form>
  );
}
