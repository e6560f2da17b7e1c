import { describe, expect, it } from 'vitest';
import { changesOf, endOfDay, hhmm, startOfDay } from './model';

describe('audit changes', () => {
  it('lists each changed field once with its value before and after', () => {
    expect(changesOf({ before: { dailyCap: 20, quietStart: null }, after: { dailyCap: 12, quietStart: '22:00' } })).toEqual([
      { field: 'dailyCap', before: '20', after: '12' },
      { field: 'quietStart', before: undefined, after: '22:00' },
    ]);
  });

  it('leaves out fields that did not change, and shows a creation or removal one-sided', () => {
    expect(changesOf({ before: { name: 'A', active: true }, after: { name: 'A', active: false } })).toEqual([
      { field: 'active', before: 'true', after: 'false' },
    ]);
    expect(changesOf({ before: null, after: { name: 'ERP' } })).toEqual([{ field: 'name', before: undefined, after: 'ERP' }]);
    expect(changesOf({ before: { tags: ['a'] }, after: null })).toEqual([{ field: 'tags', before: '["a"]', after: undefined }]);
  });
});

describe('dates of the audit filter', () => {
  it('takes whole local days: from the start of the first to the end of the last', () => {
    expect(new Date(startOfDay('2026-12-01')!).getDate()).toBe(1);
    expect(new Date(endOfDay('2026-12-31')!).getFullYear()).toBe(2027);
    expect(new Date(endOfDay('2026-12-31')!).getHours()).toBe(0);
    expect(startOfDay('')).toBeUndefined();
  });

  it('shows API times as hours and minutes', () => {
    expect(hhmm('21:30:00')).toBe('21:30');
    expect(hhmm(null)).toBe('');
  });
});
