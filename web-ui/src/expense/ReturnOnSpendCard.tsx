import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatMoney, formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { Report } from './model';

/** The dashboard's return-on-spend card: a team's approved expenses per deal won and per new customer in a month. */
export function ReturnOnSpendCard({ team, month }: { team?: string; month: string }) {
  const [report, setReport] = useState<Report>();
  useEffect(() => {
    setReport(undefined);
    api<Report>(`/api/v1/expenses/report?${team ? `team=${team}&` : ''}from=${month}&to=${month}`).then(setReport, () => undefined);
  }, [team, month]);
  if (!report) return null;
  return (
    <section class="card" aria-labelledby="ros-h" data-testid="return-on-spend">
      <h2 id="ros-h">{t('expense.returnOnSpend')}</h2>
      {report.returnOnSpend.length === 0 ? (
        <p class="muted">{t('expense.noSpend')}</p>
      ) : (
        <dl class="facts">
          {report.returnOnSpend.map((r) => (
            <Fragment key={r.currency}>
              <dt>{t('expense.spend')}</dt><dd>{formatMoney(r.spend, r.currency)}</dd>
              <dt>{t('expense.perWonDeal', { n: formatNumber(r.wonDeals) })}</dt>
              <dd>{r.spendPerWonDeal ? formatMoney(r.spendPerWonDeal, r.currency) : '—'}</dd>
              <dt>{t('expense.perNewCustomer', { n: formatNumber(r.newCustomers) })}</dt>
              <dd>{r.spendPerNewCustomer ? formatMoney(r.spendPerNewCustomer, r.currency) : '—'}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
