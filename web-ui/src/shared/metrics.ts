import { formatMoney, formatNumber } from '../i18n/format';
import { locale, t, type MessageKey } from '../i18n/i18n';
import type { Schema } from '../api/types';
import { me } from './profile';

/** Metrics and periods, as targets, dashboards and commission statements show them. */
export type Metric = Schema<'Metric'>;
export const METRICS: Metric[] = ['REVENUE', 'NEW_CUSTOMERS', 'EFFECTIVE_VISITS', 'COLLECTIONS', 'DEALS_WON'];

/** An exact decimal as the API sends it (a JSON number) or as the PWA keeps what was typed (a string). */
export type Decimal = number | string;

export const isMoney = (m: Metric) => m === 'REVENUE' || m === 'COLLECTIONS';
export const metricLabel = (m: Metric) => t(`metric.${m}` as MessageKey);

/** A value in its unit: money in its currency, counts as whole numbers. */
export function formatValue(value: Decimal | undefined, metric: Metric, currency?: string): string {
  if (value === undefined || value === null) return '—';
  return isMoney(metric) && currency ? formatMoney(value, currency) : formatNumber(Number(value));
}

/** A fraction (0.25) as a whole percentage, or — when there is none. */
export function percent(rate: Decimal | undefined | null): string {
  if (rate === undefined || rate === null) return '—';
  return new Intl.NumberFormat(locale.get(), { style: 'percent', maximumFractionDigits: 1 }).format(Number(rate));
}

/** Today's date in the signed-in user's time zone (as a local Date at noon), so periods and weeks turn over at their midnight. */
export function userToday(timeZone = me.get()?.timeZone, now = new Date()): Date {
  let day: string;
  try {
    day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** Periods to choose from, around a day: this and last month, this quarter, this year (labels as the API parses them). */
export function periodChoices(today: Date): string[] {
  const y = today.getFullYear();
  const m = today.getMonth();
  const month = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`;
  const last = m === 0 ? month(y - 1, 11) : month(y, m - 1);
  const next = m === 11 ? month(y + 1, 0) : month(y, m + 1);
  return [month(y, m), last, next, `${y}-Q${Math.floor(m / 3) + 1}`, String(y)];
}

/** The period label in words: 2026-11 → Nov 2026, 2026-Q4 → Q4 2026. */
export function periodLabel(period: string): string {
  const monthly = /^(\d{4})-(\d{2})$/.exec(period);
  if (monthly) return new Intl.DateTimeFormat(locale.get(), { year: 'numeric', month: 'long' }).format(new Date(Number(monthly[1]), Number(monthly[2]) - 1, 15));
  return period.replace(/^(\d{4})-Q(\d)$/, 'Q$2 $1');
}

/** An achievement rate as the width of its bar (0–100 %, a full bar past the target). */
export function barWidth(rate: Decimal | undefined | null): number {
  if (rate === undefined || rate === null) return 0;
  return Math.max(0, Math.min(100, Math.round(Number(rate) * 100)));
}
