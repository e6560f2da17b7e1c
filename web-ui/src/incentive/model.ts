import { formatMoney } from '../i18n/format';
import { locale, t, type MessageKey } from '../i18n/i18n';
import { periodLabel } from '../shared/metrics';
import type { Always, Body, Refine, Schema } from '../api/types';

/** Statements and plans as the API shows them (CommissionStatement, CommissionPlan, Honours in the OpenAPI document); amounts are decimal strings. */
export type Line = Always<Schema<'CommissionLine'>, 'kind'>;
export type LineKind = Line['kind'];

export type Statement = Refine<
  Always<
    Schema<'CommissionStatement'>,
    'status' | 'repId' | 'repName' | 'period' | 'planId' | 'planName' | 'base' | 'currency' | 'actual' | 'subtotal' | 'capped' | 'total'
  >,
  {
    target?: Always<Schema<'CommissionTarget'>, 'id' | 'metric' | 'value' | 'currency'>;
    tier?: Always<Schema<'CommissionTier'>, 'index' | 'from' | 'rate'>;
    /** Why no tier applies (the document gives it as a plain string). */
    note?: 'NO_APPROVED_TARGET' | 'TARGET_IN_OTHER_CURRENCY';
    lines: Line[];
  }
>;

export type PlanTier = Always<Schema<'CommissionPlanTier'>, 'from' | 'rate'>;
export type PlanOneOff = Always<Schema<'CommissionPlanOneOff'>, 'kind' | 'reward'>;
export type Plan = Refine<
  Always<Schema<'CommissionPlan'>, 'id' | 'name' | 'periodKind' | 'base' | 'currency' | 'version'>,
  { tiers: PlanTier[]; oneOffs: PlanOneOff[] }
>;

/** What the plan editor and an adjustment send. */
export type PlanWrite = Body<'CommissionPlanResource_create'>;
export type AdjustmentWrite = Body<'CommissionResource_adjust'>;

export type Honour = Always<Schema<'Honour'>, 'repId' | 'repName' | 'revenue' | 'dealsWon'>;
export type Honours = Refine<
  Always<Schema<'Honours'>, 'month' | 'currency'>,
  { topSeller?: Honour; bestNewcomer?: Honour; mostImproved?: Honour }
>;

const month = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;

/** Periods a statement can be asked for: this month and the five before, this quarter and the last. */
export function statementPeriods(today: Date): string[] {
  const months: string[] = [];
  for (let back = 0; back < 6; back++) {
    const d = new Date(today.getFullYear(), today.getMonth() - back, 15);
    months.push(month(d.getFullYear(), d.getMonth()));
  }
  const quarter = Math.floor(today.getMonth() / 3);
  const lastQuarter = quarter === 0 ? `${today.getFullYear() - 1}-Q4` : `${today.getFullYear()}-Q${quarter}`;
  return [...months, `${today.getFullYear()}-Q${quarter + 1}`, lastQuarter];
}

/** The month before the one {@code today} is in. */
export function previousMonth(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 15);
  return month(d.getFullYear(), d.getMonth());
}

export { periodLabel };

/** A percentage the API sends as a decimal string ("105.60" = 105.6 %). */
export function percentText(value: string | undefined | null): string {
  if (value === undefined || value === null) return '—';
  return new Intl.NumberFormat(locale.get(), { maximumFractionDigits: 2 }).format(Number(value)) + ' %';
}

export const money = (amount: string | undefined, currency: string) => (amount === undefined ? '—' : formatMoney(amount, currency));

/** What a tier means in words: "100 %–120 %: 3 % of the base". */
export function tierText(tier: Statement['tier']): string {
  if (!tier) return '—';
  const range = tier.to ? `${tier.from} %–${tier.to} %` : `≥ ${tier.from} %`;
  const extra = tier.extraRate ? t('commission.tierExtra', { rate: tier.extraRate, from: tier.from }) : '';
  return t('commission.tierText', { range, rate: tier.rate }) + extra;
}

export const lineKind = (kind: LineKind) => t(`commission.line.${kind}` as MessageKey);
