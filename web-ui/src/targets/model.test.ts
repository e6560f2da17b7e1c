import { describe, expect, it } from 'vitest';
import { balance, barWidth, fromUnits, needsJustification, periodChoices, roots, toUnits, userToday, type Target } from './model';

const node = (id: string, value: number | string, children: Target[] = [], extra: Partial<Target> = {}): Target => ({
  id, period: '2026-11', level: 'TEAM', metric: 'REVENUE', value: Number(value), currency: 'CNY', status: 'DRAFT', version: 0, children, ...extra,
});

describe('exact decimals', () => {
  it('round-trips without floating point error', () => {
    expect(fromUnits(toUnits('0.1') + toUnits('0.2'))).toBe('0.3');
    expect(fromUnits(toUnits(1200000) - toUnits('199999.99'))).toBe('1000000.01');
    expect(fromUnits(toUnits('5') - toUnits('7.5'))).toBe('-2.5');
  });
});

describe('balance of a target tree node', () => {
  it('shows the remainder the children leave', () => {
    const team = node('t', 1000, [node('a', '300.50'), node('b', 400)]);
    expect(balance(team)).toEqual({ sum: '700.5', remainder: '299.5', state: 'remainder' });
    expect(needsJustification(team)).toBe(true);
    expect(needsJustification({ ...team, remainderNote: '新人目标待定' })).toBe(false);
  });

  it('is balanced when the children add up, over when they exceed, a leaf without children', () => {
    expect(balance(node('t', 700, [node('a', 300), node('b', 400)])).state).toBe('balanced');
    expect(balance(node('t', 600, [node('a', 300), node('b', 400)]))).toEqual({ sum: '700', remainder: '-100', state: 'over' });
    expect(balance(node('t', 600)).state).toBe('leaf');
  });

  it('counts a value being edited instead of the saved one', () => {
    const team = node('t', 1000, [node('a', 300), node('b', 400)]);
    expect(balance(team, { b: '700' }).state).toBe('balanced');
    expect(balance(team, { t: '650' }).state).toBe('over');
  });
});

describe('helpers', () => {
  it('finds the roots of the visible forest', () => {
    const list = [node('org', 10), node('t1', 5, [], { parentId: 'org' }), node('t2', 5, [], { parentId: 'hidden' })];
    expect(roots(list).map((x) => x.id)).toEqual(['org', 't2']);
  });

  it('offers this and the neighbouring months, the quarter and the year', () => {
    expect(periodChoices(new Date(2026, 0, 15))).toEqual(['2026-01', '2025-12', '2026-02', '2026-Q1', '2026']);
    expect(periodChoices(new Date(2026, 10, 3))).toEqual(['2026-11', '2026-10', '2026-12', '2026-Q4', '2026']);
  });

  it('caps achievement bars at a full bar', () => {
    expect(barWidth(0.456)).toBe(46);
    expect(barWidth(1.8)).toBe(100);
    expect(barWidth(undefined)).toBe(0);
  });
});

describe('userToday', () => {
  it('is the date in the user time zone, not the device one', () => {
    const lateUtc = new Date(Date.UTC(2026, 10, 30, 17, 0));
    expect(userToday('Asia/Shanghai', lateUtc).getDate()).toBe(1);
    expect(userToday('Asia/Shanghai', lateUtc).getMonth()).toBe(11);
    expect(userToday('UTC', lateUtc).getDate()).toBe(30);
  });
});
