import type { en } from './en';
import { store } from '../platform/store';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
type Vars = Record<string, string | number>;

export const LOCALES: Locale[] = ['zh-CN', 'en'];

/**
 * Each language's messages are a chunk of their own, fetched when that language is first spoken, so the
 * first download carries only the language in use (the service worker precaches both for offline switching).
 */
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
};
const catalogs: Partial<Record<Locale, Messages>> = {};

/** The language the UI speaks now. Set it through {@link speak}, which loads its messages first. */
export const locale = store<Locale>('zh-CN');

/** Fetches a language's messages once; later calls resolve at once. */
export async function loadMessages(lang: Locale): Promise<void> {
  catalogs[lang] ??= await loaders[lang]();
}

let latest = 0;

/** Loads the language's messages, then switches to it; when calls overlap, the last one asked for wins. */
export async function speak(lang: Locale): Promise<void> {
  const call = ++latest;
  await loadMessages(lang);
  if (call === latest) locale.set(lang);
}

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

/** The message for key in the current (or given) language; the key itself while that language is not loaded. */
export function t(key: MessageKey, vars?: Vars, lang: Locale = locale.get()): string {
  return interpolate(catalogs[lang]?.[key] ?? key, vars);
}

/** A counted message: picks `${base}_one` or `${base}_other` by the language's plural rules; {n} is formatted. */
export function tn(base: string, n: number, lang: Locale = locale.get()): string {
  const category = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  return t(`${base}_${category}` as MessageKey, { n: new Intl.NumberFormat(lang).format(n) }, lang);
}
