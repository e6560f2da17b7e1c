import { locale, type Locale } from './i18n';

/** Dates, numbers and money in the user's language (and, for dates, their time zone). */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions, timeZone?: string, lang: Locale = locale.get()): string {
  return new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(date);
}

export function formatNumber(value: number, lang: Locale = locale.get()): string {
  return new Intl.NumberFormat(lang).format(value);
}

/** Money is exact decimal on the server; amounts arrive as strings or numbers with an ISO currency. */
export function formatMoney(amount: number | string, currency: string, lang: Locale = locale.get()): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(Number(amount));
}

export function formatRelativeTime(epochMillis: number, now = Date.now(), lang: Locale = locale.get()): string {
  const seconds = Math.round((epochMillis - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}
