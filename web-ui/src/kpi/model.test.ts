import { describe, expect, it } from 'vitest';
import { chartPoints, conversion, funnelWidths, largestDropOff, sortRows, type FunnelStage, type RepRow } from './model';

const funnel = (...counts: number[]): FunnelStage[] =>
  (['INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON'] as const).map((stage, i) => ({ stage, count: counts[i] }));

describe('funnel', () => {
  it('names the stage with the lowest conversion from the one before', () => {
    expect(largestDropOff(funnel(100, 40, 30, 3))).toBe('WON');
    expect(largestDropOff(funnel(100, 10, 9, 8))).toBe('HIGH_INTENT');
  });

  it('takes the earlier stage on a tie and skips steps without a base', () => {
    expect(largestDropOff(funnel(10, 5, 0, 0))).toBe('KEY_ACCOUNT');
    expect(largestDropOff(funnel(10, 5, 10, 5))).toBe('HIGH_INTENT');
    expect(largestDropOff(funnel(0, 0, 0, 0))).toBeUndefined();
  });

  it('computes conversions and bar widths relative to the widest stage', () => {
    const stages = funnel(80, 20, 10, 5);
    expect(conversion(stages, 0)).toBeNull();
    expect(conversion(stages, 1)).toBe(0.25);
    expect(funnelWidths(stages)).toEqual([100, 25, 13, 6]);
    expect(funnelWidths(funnel(0, 0, 0, 0))).toEqual([0, 0, 0, 0]);
  });
});

describe('chartPoints', () => {
  it('scales from zero to the largest value inside the padding', () => {
    expect(chartPoints([0, 5, 10], 104, 44, 2)).toEqual([
      { x: 2, y: 42 },
      { x: 52, y: 22 },
      { x: 102, y: 2 },
    ]);
  });

  it('keeps an all-zero series on the base line and centres a single point', () => {
    expect(chartPoints([0, 0], 10, 10, 0).map((p) => p.y)).toEqual([10, 10]);
    expect(chartPoints([3], 40, 10, 0)).toEqual([{ x: 20, y: 0 }]);
  });
});

describe('sortRows', () => {
  const row = (displayName: string, effectiveVisits: number, rate?: number): RepRow => ({
    userId: displayName,
    displayName,
    indicators: { visits: 0, effectiveVisits, newCustomers: 0, followUpsDue: 0, followUpsOnTime: 0, followUpOnTimeRate: rate, openLeads: 0, freshLeads: 0 },
    achievements: [],
    funnel: { stages: funnel(0, 0, 0, 0) },
  });
  const rows = [row('b', 5, 0.5), row('a', 9), row('c', 5, 0.9)];

  it('sorts by a number either way, ties by name', () => {
    expect(sortRows(rows, 'effectiveVisits', true).map((r) => r.displayName)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, 'effectiveVisits', false).map((r) => r.displayName)).toEqual(['b', 'c', 'a']);
  });

  it('puts rows without the value last in both directions', () => {
    expect(sortRows(rows, 'followUpOnTimeRate', true).map((r) => r.displayName)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'followUpOnTimeRate', false).map((r) => r.displayName)).toEqual(['b', 'c', 'a']);
  });
});
