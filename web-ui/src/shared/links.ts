/**
 * The one place where data becomes a link. Every address that comes from a user or from the server
 * (a contract document, a notification's link, a phone number) goes through one of these before it is
 * an href or a navigation, so a stored `javascript:` or `data:` address never runs as script, and an
 * address on another site never opens inside the app.
 */

/** An absolute http(s) address with a host and no credentials, as given; undefined for anything else. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string' || url.trim() !== url || !/^https?:\/\//i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname || parsed.username || parsed.password) {
    return undefined;
  }
  return url;
}

/** The attributes of a link to another site: opened in a new tab that cannot reach back into the app. */
export const EXTERNAL_LINK = { target: '_blank', rel: 'noopener noreferrer' } as const;

/**
 * A path of this app (`/contracts/…`), for links the server hands out such as a notification's;
 * undefined for another origin (`//host`, `/\host`, `https://…`) or a scheme.
 */
export function appPath(link: string | null | undefined): string | undefined {
  if (typeof link !== 'string' || !link.startsWith('/') || link.startsWith('//') || /[\\\s]/.test(link)) return undefined;
  return link;
}

/** A tel: link for a phone number (digits and the usual separators only); undefined otherwise. */
export function telHref(phone: string | null | undefined): string | undefined {
  const number = phone?.replace(/\s+/g, '');
  return number && /^\+?[0-9()*#.,;-]{1,40}$/.test(number) ? `tel:${number}` : undefined;
}

/** A mailto: link for one plain address (no extra headers or body smuggled in); undefined otherwise. */
export function mailtoHref(email: string | null | undefined): string | undefined {
  return email && /^[^\s@?&#/\\:]+@[^\s@?&#/\\:]+$/.test(email) ? `mailto:${email}` : undefined;
}
