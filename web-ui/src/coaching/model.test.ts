import { describe, expect, it } from 'vitest';
import { evidenceRows, isoDay } from './model';

describe('evidenceRows', () => {
  it('puts each number beside the team median of the same measure', () => {
    const rows = evidenceRows({
      effectiveVisits: 30, conversions: 1, conversionRate: 0.0333, teamMedianEffectiveVisits: 20, teamMedianConversionRate: 0.2,
    });
    expect(rows).toEqual([
      { key: 'effectiveVisits', value: 30, median: 20, rate: false },
      { key: 'conversions', value: 1, median: undefined, rate: false },
      { key: 'conversionRate', value: 0.0333, median: 0.2, rate: true },
    ]);
  });

  it('keeps a median without a counterpart, treats the threshold as a rate and leaves lists out', () => {
    const rows = evidenceRows({ onTimeRate: 0.4, threshold: 0.7, teamMedianWinRate: 0.3, missed: [{ month: '2026-10' }] });
    expect(rows.map((r) => [r.key, r.rate])).toEqual([['onTimeRate', true], ['threshold', true], ['winRate', true]]);
    expect(rows[2].median).toBe(0.3);
  });
});

describe('isoDay', () => {
  it('counts calendar days across a month end', () => {
    expect(isoDay(14, new Date(2026, 10, 20))).toBe('2026-12-04');
    expect(isoDay(0, new Date(2026, 0, 1))).toBe('2026-01-01');
  });
});
