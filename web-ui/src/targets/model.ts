import { formatMoney, formatNumber } from '../i18n/format';
import { locale, t, type MessageKey } from '../i18n/i18n';
import { me } from '../shared/profile';
import type { Always, Body, Schema } from '../api/types';

/** Targets as the API shows them (TargetView in the OpenAPI document). Values are exact decimals. */
export type Metric = Schema<'Metric'>;
export type Level = Schema<'Level'>;
export type TargetStatus = NonNullable<Schema<'TargetView'>['status']>;
export const METRICS: Metric[] = ['REVENUE', 'NEW_CUSTOMERS', 'EFFECTIVE_VISITS', 'COLLECTIONS', 'DEALS_WON'];

/** An exact decimal as the API sends it (a JSON number) or as the PWA keeps what was typed (a string). */
export type Decimal = number | string;

type TargetFields = Always<Schema<'TargetView'>, 'id' | 'period' | 'level' | 'metric' | 'value' | 'status' | 'version'>;
export interface Target extends Omit<TargetFields, 'children'> {
  children?: Target[];
}

/** What the plan screens send: a new target, a changed value, a submission, a return. */
export type TargetCreate = Body<'TargetResource_create'>;
export type TargetUpdate = Body<'TargetResource_update'>;
export type TargetSubmit = Body<'TargetResource_submit'>;
export type TargetReturn = Body<'TargetResource_returnPlan'>;

export const isMoney = (m: Metric) => m === 'REVENUE' || m === 'COLLECTIONS';
export const metricLabel = (m: Metric) => t(`metric.${m}` as MessageKey);
export const statusLabel = (s: TargetStatus) => t(`target.status.${s}` as MessageKey);
export const levelLabel = (l: Level) => t(`target.level.${l}` as MessageKey);

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

const SCALE = 4;

/** An exact decimal as an integer of ten-thousandths, so sums never meet floating point. */
export function toUnits(value: Decimal | undefined): bigint {
  if (value === undefined || value === null || value === '') return 0n;
  const text = typeof value === 'number' ? value.toFixed(SCALE) : value.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const fraction = (match[3] ?? '').padEnd(SCALE, '0').slice(0, SCALE);
  const units = BigInt((match[2] || '0') + fraction);
  return match[1] ? -units : units;
}

/** Units back to a plain decimal string without trailing zeros. */
export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface Balance {
  /** what the children add up to */
  sum: string;
  /** the parent's value less the children's sum */
  remainder: string;
  /** no children; children add up to the value; leave a remainder (to be justified); exceed the value */
  state: 'leaf' | 'balanced' | 'remainder' | 'over';
}

/** How a node's children add up against it (with a child's value possibly being edited: overrides by id). */
export function balance(node: Target, overrides: Record<string, Decimal> = {}): Balance {
  const children = node.children ?? [];
  const parent = toUnits(overrides[node.id] ?? node.value);
  const sum = children.reduce((total, child) => total + toUnits(overrides[child.id] ?? child.value), 0n);
  const remainder = parent - sum;
  const state = children.length === 0 ? 'leaf' : remainder === 0n ? 'balanced' : remainder > 0n ? 'remainder' : 'over';
  return { sum: fromUnits(sum), remainder: fromUnits(remainder), state };
}

/** A remainder must be justified before the plan is submitted. */
export function needsJustification(node: Target, overrides: Record<string, Decimal> = {}): boolean {
  return balance(node, overrides).state === 'remainder' && !node.remainderNote;
}

/** The level a node divides into: organisation → team, team → rep (or sub-team), rep → none. */
export function childLevel(level: Level): Level | undefined {
  return level === 'ORGANISATION' ? 'TEAM' : level === 'TEAM' ? 'REP' : undefined;
}

/** Roots of the visible forest: nodes whose parent is not among the ones listed. */
export function roots(targets: Target[]): Target[] {
  const ids = new Set(targets.map((x) => x.id));
  return targets.filter((x) => !x.parentId || !ids.has(x.parentId));
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
