import { describe, expect, it } from 'vitest';
import { locale } from '../i18n/i18n';
import { percentText, previousMonth, statementPeriods, tierText } from './model';

describe('statement periods', () => {
  it('offers this month and the five before, then this quarter and the last', () => {
    expect(statementPeriods(new Date(2026, 1, 10, 12))).toEqual(['2026-02', '2026-01', '2025-12', '2025-11', '2025-10', '2025-09', '2026-Q1', '2025-Q4']);
    expect(statementPeriods(new Date(2026, 10, 30, 12)).slice(6)).toEqual(['2026-Q4', '2026-Q3']);
  });

  it('knows the month before, across a year end', () => {
    expect(previousMonth(new Date(2026, 0, 31, 12))).toBe('2025-12');
  });
});

describe('tiers in words', () => {
  it('says the range, the rate and the accelerator', () => {
    locale.set('en');
    expect(tierText({ index: 1, from: '80', to: '100', rate: '2' })).toBe('80 %–100 %: 2 % of the base');
    expect(tierText({ index: 3, from: '120', rate: '3', extraRate: '2' }))
      .toBe('≥ 120 %: 3 % of the base, plus 2 % of what lies above 120 % of the target');
    expect(tierText(undefined)).toBe('—');
  });

  it('shows an achievement as the API cut it', () => {
    locale.set('en');
    expect(percentText('79.99')).toBe('79.99 %');
    expect(percentText(undefined)).toBe('—');
  });
});
