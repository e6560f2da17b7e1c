import { describe, expect, it } from 'vitest';
import { moneyQuery, overdueCount } from './money';

describe('the team money lists', () => {
  it('turns an overdue bucket into days overdue, and leaves it out of the renewals', () => {
    const filter = { ownerId: 'rep-1', currency: 'CNY', bucket: '31-90' as const };
    expect(moneyQuery(filter, 'overdue', 50)).toBe('ownerId=rep-1&currency=CNY&minDays=31&maxDays=90&limit=50');
    expect(moneyQuery(filter, 'renewals', 50)).toBe('ownerId=rep-1&currency=CNY&limit=50');
    expect(moneyQuery({ bucket: '90+' }, 'overdue', 3)).toBe('minDays=91&limit=3');
  });

  it('passes the cursor of the next page', () => {
    expect(moneyQuery({ teamId: 't' }, 'renewals', 50, 'a+b')).toBe('teamId=t&limit=50&cursor=a%2Bb');
  });

  it('counts every overdue instalment over all currencies', () => {
    expect(overdueCount({ asOf: '', items: [], totals: [
      { currency: 'CNY', count: 2, outstanding: '1.00' }, { currency: 'USD', count: 3, outstanding: '2.00' }] })).toBe(5);
  });
});
