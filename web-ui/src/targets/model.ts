import { t, type MessageKey } from '../i18n/i18n';
import type { Decimal } from '../shared/metrics';
import type { Always, Body, Schema } from '../api/types';

export { METRICS, barWidth, formatValue, isMoney, metricLabel, percent, periodChoices, periodLabel, userToday, type Decimal, type Metric } from '../shared/metrics';

/** Targets as the API shows them (TargetView in the OpenAPI document). Values are exact decimals. */
export type Level = Schema<'Level'>;
export type TargetStatus = NonNullable<Schema<'TargetView'>['status']>;

type TargetFields = Always<Schema<'TargetView'>, 'id' | 'period' | 'level' | 'metric' | 'value' | 'status' | 'version'>;
export interface Target extends Omit<TargetFields, 'children'> {
  children?: Target[];
}

/** What the plan screens send: a new target, a changed value, a submission, a return. */
export type TargetCreate = Body<'TargetResource_create'>;
export type TargetUpdate = Body<'TargetResource_update'>;
export type TargetSubmit = Body<'TargetResource_submit'>;
export type TargetReturn = Body<'TargetResource_returnPlan'>;

export const statusLabel = (s: TargetStatus) => t(`target.status.${s}` as MessageKey);
export const levelLabel = (l: Level) => t(`target.level.${l}` as MessageKey);

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
