import { describe, expect, it } from 'vitest';
import { mondayOf } from './model';

describe('mondayOf', () => {
  it('finds the Monday of the week, across months and years', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('moves by whole weeks', () => {
    expect(mondayOf('2026-11-25', -1)).toBe('2026-11-16');
    expect(mondayOf('2026-12-30', 1)).toBe('2027-01-04');
  });
});
