import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { formatValue, metricLabel } from '../shared/metrics';
import type { DailyActions } from './model';

/** Today's action card: what this month's approved targets ask of the rep each week, at their own rate. Hidden when there is nothing to say or no connection. */
export function ActionCard() {
  const [actions, setActions] = useState<DailyActions>();
  useEffect(() => {
    api<DailyActions>('/api/v1/kpis/me/actions').then(setActions, () => undefined);
  }, []);
  if (!actions || actions.actions.length === 0) return null;
  const rate = actions.visitsPerNewCustomer;
  const perDeal = actions.visitsPerDeal;
  return (
    <section class="card action-card" aria-labelledby="actions-h" data-testid="action-card">
      <h2 id="actions-h">{t('actions.title')}</h2>
      <ul class="plain">
        {actions.actions.map((a) => {
          const target = formatValue(a.target, a.metric, a.currency);
          const metric = metricLabel(a.metric);
          const line = a.perWeek === undefined || a.perWeek === null ? t('actions.noTime', { target, metric })
            : a.perWeek === 0 ? t('actions.reached', { target, metric })
            : a.metric === 'NEW_CUSTOMERS' && a.visitsPerWeek !== undefined && rate !== undefined
              ? t('actions.viaVisits', { target, rate: formatNumber(Number(rate)), visits: formatNumber(a.visitsPerWeek), n: formatNumber(a.perWeek) })
            : a.dealsNeeded !== undefined && a.visitsPerWeek !== undefined && perDeal !== undefined
              ? t('actions.viaDeals', { target, metric, deals: formatNumber(a.dealsNeeded), rate: formatNumber(Number(perDeal)), visits: formatNumber(a.visitsPerWeek) })
              : t('actions.perWeek', { target, metric, n: formatValue(a.perWeek, a.metric, a.currency) });
          return (
            <li key={a.metric + (a.currency ?? '')}>
              <p>{line}</p>
              <p class="muted">{t('actions.soFar', { actual: formatValue(a.actual, a.metric, a.currency), remaining: formatValue(a.remaining, a.metric, a.currency), days: formatNumber(actions.daysLeft) })}</p>
            </li>
          );
        })}
      </ul>
      <a href="/targets" onClick={followLink}>{t('actions.myTargets')}</a>
    </section>
  );
}
