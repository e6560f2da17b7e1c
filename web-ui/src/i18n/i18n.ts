import { en } from './en';
import { zhCN } from './zh-CN';
import { store } from '../platform/store';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof en;
type Vars = Record<string, string | number>;

export const LOCALES: Locale[] = ['zh-CN', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The language the UI speaks now. */
export const locale = store<Locale>('zh-CN');

/**
 * The language to speak: the profile's when signed in, else the one last used on this device,
 * else the browser's preference (any Chinese → zh-CN), else English.
 */
export function pickLocale(profile?: string | null, remembered?: string | null, browser: readonly string[] = []): Locale {
  for (const candidate of [profile, remembered]) {
    if (candidate === 'zh-CN' || candidate === 'en') return candidate;
  }
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function interpolate(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template;
}

/** The message for key in the current (or given) language. */
export function t(key: MessageKey, vars?: Vars, lang: Locale = locale.get()): string {
  return interpolate(catalogs[lang][key] ?? en[key], vars);
}

/** A counted message: picks `${base}_one` or `${base}_other` by the language's plural rules; {n} is formatted. */
export function tn(base: string, n: number, lang: Locale = locale.get()): string {
  const category = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}_${category}` as MessageKey, { n: new Intl.NumberFormat(lang).format(n) }, lang);
}
