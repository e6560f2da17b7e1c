import type { Always, Item, Refine, Schema } from '../api/types';

/** A dashboard as GET /api/v1/kpis/… answers (KpiReport in the OpenAPI document); the money indicators appear only once the server sends them. */
export type MoneyAmount = Always<Schema<'Money'>, 'currency' | 'amount'>;
export type Collection = Always<Schema<'Collection'>, 'currency' | 'due' | 'collected'>;
export type Indicators = Refine<
  Always<Schema<'Indicators'>, 'visits' | 'effectiveVisits' | 'newCustomers' | 'followUpsDue' | 'followUpsOnTime' | 'openLeads' | 'freshLeads'>,
  { revenue?: MoneyAmount[]; averageDealSize?: MoneyAmount[]; collections?: Collection[] }
>;
export type Achievement = Always<Schema<'Achievement'>, 'metric' | 'targetId' | 'target' | 'measured'>;
/** The funnel's stages (the document gives their names as plain strings). */
export type FunnelStageName = 'INITIAL_INTENT' | 'HIGH_INTENT' | 'KEY_ACCOUNT' | 'WON';
export type FunnelStage = Refine<Always<Item<Schema<'Funnel'>['stages']>, 'count'>, { stage: FunnelStageName }>;
export type Funnel = Refine<Schema<'Funnel'>, { stages: FunnelStage[]; largestDropOff?: FunnelStageName }>;
export type Week = Always<Schema<'Week'>, 'weekStart' | 'effectiveVisits' | 'newCustomers'>;
export type RepRow = Refine<
  Always<Schema<'RepRow'>, 'userId' | 'displayName'>,
  { indicators: Indicators; achievements: Achievement[]; funnel: Funnel }
>;
export type KpiReport = Refine<
  Always<Schema<'KpiReport'>, 'period' | 'from' | 'to'>,
  {
    subject: Always<Schema<'Subject'>, 'level'>;
    indicators: Indicators;
    achievements: Achievement[];
    funnel: Funnel;
    trend: Week[];
    reps?: RepRow[];
  }
>;

/** GET /api/v1/kpis/me/actions */
export type DailyActions = Refine<
  Always<Schema<'DailyActions'>, 'period' | 'daysLeft'>,
  { actions: Always<Item<Schema<'DailyActions'>['actions']>, 'metric' | 'target' | 'actual' | 'remaining'>[] }
>;

/**
 * The stage that loses the largest share of the one before it (lowest conversion; ties: the earlier).
 * The server names it too; this keeps the screen right for a funnel it computes itself (a rep's row).
 */
export function largestDropOff(stages: FunnelStage[]): FunnelStageName | undefined {
  let worst: FunnelStageName | undefined;
  let worstRate = Infinity;
  stages.forEach((stage, i) => {
    const rate = conversion(stages, i);
    if (rate !== null && rate < worstRate) {
      worstRate = rate;
      worst = stage.stage;
    }
  });
  return worst;
}

/** Conversion from the previous stage as a fraction, or null for the first stage or an empty base. */
export function conversion(stages: FunnelStage[], index: number): number | null {
  if (index === 0 || stages[index - 1].count <= 0) return null;
  return stages[index].count / stages[index - 1].count;
}

/** Bar widths of the funnel's stages relative to its widest (the first), 0–100. */
export function funnelWidths(stages: FunnelStage[]): number[] {
  const top = Math.max(0, ...stages.map((s) => s.count));
  return stages.map((s) => (top === 0 ? 0 : Math.round((s.count / top) * 100)));
}

/** The points of a small line chart: x spread evenly over width, y scaled from 0 to the largest value (or 1) over height. */
export function chartPoints(values: number[], width: number, height: number, pad = 2): { x: number; y: number }[] {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values.map((v, i) => ({
    x: round(values.length > 1 ? pad + i * step : width / 2),
    y: round(height - pad - (Math.max(0, v) / max) * (height - 2 * pad)),
  }));
}

const round = (n: number) => Math.round(n * 10) / 10;

export type SortKey = 'name' | 'effectiveVisits' | 'newCustomers' | 'followUpOnTimeRate' | 'won' | 'dealsWon' | 'winRate';

/** The value a rep row sorts by; missing numbers sort last. */
function sortValue(row: RepRow, key: SortKey): number | string | undefined {
  switch (key) {
    case 'name':
      return row.displayName;
    case 'won':
      return row.funnel.stages.find((s) => s.stage === 'WON')?.count;
    default: {
      const v = row.indicators[key];
      return v === undefined || v === null ? undefined : Number(v);
    }
  }
}

/** The rep rows sorted by a column, ascending or descending; rows without a value always last, ties by name. */
export function sortRows(rows: RepRow[], key: SortKey, descending: boolean): RepRow[] {
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === undefined && vb === undefined) return a.displayName.localeCompare(b.displayName);
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    const order = typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number);
    return (descending ? -order : order) || a.displayName.localeCompare(b.displayName);
  });
}
