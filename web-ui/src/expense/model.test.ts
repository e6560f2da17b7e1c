import { describe, expect, it } from 'vitest';
import { budgetShares, currentMonth } from './model';

describe('budget bars', () => {
  it('shows spent and committed as shares of budget plus pre-approvals', () => {
    expect(budgetShares({ amount: '1000.00', preApproved: '0.00', spent: '250.00', committed: '500.00' }))
      .toEqual({ spent: 25, committed: 50, over: false });
    expect(budgetShares({ amount: '800.00', preApproved: '200.00', spent: '100.00', committed: '0.00' }))
      .toEqual({ spent: 10, committed: 0, over: false });
  });
  it('caps the bar at the full width and flags going over', () => {
    expect(budgetShares({ amount: '100', preApproved: '0', spent: '80', committed: '40' })).toEqual({ spent: 80, committed: 20, over: true });
    expect(budgetShares({ amount: '0', preApproved: '0', spent: '0', committed: '5' })).toEqual({ spent: 0, committed: 0, over: true });
  });
});

describe('current month', () => {
  it('is the month in the person time zone', () => {
    const instant = new Date('2026-11-30T18:00:00Z');
    expect(currentMonth('Asia/Shanghai', instant)).toBe('2026-12');
    expect(currentMonth('Europe/London', instant)).toBe('2026-11');
  });
});
