import { formatMoney } from '../i18n/format';
import { locale, t, type MessageKey } from '../i18n/i18n';
import { periodLabel } from '../targets/model';

/** Statements and plans as the API shows them; amounts are decimal strings in the currency's minor units. */
export type LineKind = 'DEAL' | 'PAYMENT' | 'TIER' | 'DEAL_WON_ABOVE' | 'KEY_ACCOUNT_WON' | 'CAP' | 'ADJUSTMENT';

export interface Line {
  kind: LineKind;
  ref?: string;
  on?: string;
  label?: string;
  amount?: string;
  commission?: string;
  reason?: string;
  approvedBy?: string;
  at?: string;
}

export interface Statement {
  id?: string;
  status: 'LIVE' | 'FROZEN';
  repId: string;
  repName: string;
  teamId?: string;
  period: string;
  planId: string;
  planName: string;
  base: 'REVENUE_WON' | 'COLLECTED';
  currency: string;
  actual: string;
  target?: { id: string; metric: string; value: string; currency: string };
  achievement?: string;
  tier?: { index: number; from: string; to?: string; rate: string; extraRate?: string };
  note?: 'NO_APPROVED_TARGET' | 'TARGET_IN_OTHER_CURRENCY';
  lines: Line[];
  subtotal: string;
  cap?: string;
  capped: boolean;
  adjustments?: string;
  total: string;
  frozenAt?: string;
}

export interface PlanTier {
  from: string;
  to?: string | null;
  rate: string;
  extraRate?: string;
}

export interface PlanOneOff {
  kind: 'DEAL_WON_ABOVE' | 'KEY_ACCOUNT_WON';
  reward: string;
  above?: string | null;
}

export interface Plan {
  id: string;
  name: string;
  periodKind: 'MONTH' | 'QUARTER';
  appliesToRole?: 'REP' | 'MANAGER';
  teamId?: string;
  base: 'REVENUE_WON' | 'COLLECTED';
  currency: string;
  cap?: string;
  tiers: PlanTier[];
  oneOffs: PlanOneOff[];
  version: number;
}

export interface Honour {
  repId: string;
  repName: string;
  revenue: string;
  dealsWon: number;
  achievement?: string;
  previousAchievement?: string;
  increase?: string;
  hiredOn?: string;
}

export interface Honours {
  month: string;
  currency: string;
  topSeller?: Honour;
  bestNewcomer?: Honour;
  mostImproved?: Honour;
}

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
