import { describe, expect, it } from 'vitest';
import { byDay, evidenceRows, isoDay, templateErrors } from './model';

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

describe('byDay', () => {
  it('sorts by day and keeps the order of milestones on the same day', () => {
    const sorted = byDay([{ dayOffset: 7, t: 'a' }, { dayOffset: 0, t: 'b' }, { dayOffset: 7, t: 'c' }, { dayOffset: 3, t: 'd' }]);
    expect(sorted.map((m) => m.t)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('templateErrors', () => {
  it('puts each field error at its milestone, and list errors apart', () => {
    const errors = templateErrors([
      { field: 'milestones[2].title' }, { field: 'milestones[2].dayOffset' }, { field: 'milestones[0].goal' }, { field: 'milestones' },
    ]);
    expect([...errors.get(2)!]).toEqual(['title', 'dayOffset']);
    expect([...errors.get(0)!]).toEqual(['goal']);
    expect([...errors.get(-1)!]).toEqual(['milestones']);
  });

  it('names a milestone that is wrong as a whole', () => {
    expect([...templateErrors([{ field: 'milestones[4]' }]).get(4)!]).toEqual(['milestone']);
  });
});
