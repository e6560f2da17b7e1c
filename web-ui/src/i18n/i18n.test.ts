import { describe, expect, it } from 'vitest';
import { en } from './en';
import { formatDate, formatMoney, formatNumber } from './format';
import { locale, pickLocale, t, tn } from './i18n';
import { describeProblem } from './problems';
import { zhCN } from './zh-CN';

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      expect(zhCN[key].trim(), key).not.toBe('');
    }
  });

  it('merges every feature folder’s messages, each key from one folder only', () => {
    for (const [lang, files, catalogue] of [
      ['en', import.meta.glob<Record<string, Record<string, string>>>('../**/messages.en.ts', { eager: true }), en],
      ['zh-CN', import.meta.glob<Record<string, Record<string, string>>>('../**/messages.zh-CN.ts', { eager: true }), zhCN],
    ] as const) {
      const owners = new Map<string, string>();
      for (const [file, module] of Object.entries(files)) {
        for (const key of Object.keys(Object.values(module)[0])) {
          expect(owners.get(key), `${lang}: ${key} in ${file}`).toBeUndefined();
          owners.set(key, file);
        }
      }
      expect([...owners.keys()].sort(), lang).toEqual(Object.keys(catalogue).sort());
    }
  });

  it('speaks the profile language first, then the remembered one, then the browser’s', () => {
    expect(pickLocale('en', 'zh-CN', ['zh-CN'])).toBe('en');
    expect(pickLocale(undefined, 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLocale(undefined, undefined, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, 'fr', ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLocale(undefined, undefined, [])).toBe('en');
  });

  it('fills in placeholders and switches language with the store', () => {
    locale.set('en');
    expect(t('today.greeting', { name: 'Emma' })).toBe('Hello, Emma');
    locale.set('zh-CN');
    expect(t('today.greeting', { name: '李娜' })).toBe('你好，李娜');
  });

  it('counts with the language’s plural rules and number format', () => {
    expect(tn('sync.waiting', 1, 'en')).toBe('1 waiting to sync');
    expect(tn('sync.waiting', 1200, 'en')).toBe('1,200 waiting to sync');
    expect(tn('sync.failed', 2, 'zh-CN')).toBe('2 项同步失败');
  });

  it('says server problems in the user’s language', () => {
    expect(describeProblem(412, 'stale-version', [], )).toBe(t('problem.stale-version'));
    locale.set('en');
    expect(describeProblem(400, 'validation', ['displayName', 'phone'])).toBe('Some fields are not valid: displayName, phone');
    expect(describeProblem(418, 'teapot')).toBe('Something went wrong (418).');
    locale.set('zh-CN');
    expect(describeProblem(429, 'rate-limited')).toBe('请求过于频繁，请稍后重试。');
  });

  it('formats dates in the user’s time zone and numbers and money per language', () => {
    const instant = new Date(Date.UTC(2025, 0, 31, 20, 0));
    expect(formatDate(instant, { dateStyle: 'medium' }, 'Asia/Shanghai', 'en')).toBe('Feb 1, 2025');
    expect(formatDate(instant, { dateStyle: 'medium' }, 'Asia/Shanghai', 'zh-CN')).toBe('2025年2月1日');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatMoney('12345.6', 'CNY', 'zh-CN')).toBe('¥12,345.60');
    expect(formatMoney(12345.6, 'CNY', 'en')).toBe('CN¥12,345.60');
  });
});

describe('speak', () => {
  it('switches once the language’s messages are there, and the last language asked for wins', async () => {
    const { speak } = await import('./i18n');
    await Promise.all([speak('en'), speak('zh-CN')]);
    expect(locale.get()).toBe('zh-CN');
    await speak('en');
    expect(t('login.title')).toBe('Sign in');
    await speak('zh-CN');
  });
});
