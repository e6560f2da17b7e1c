import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import { EXTERNAL_LINK, safeHref } from './links';

/**
 * A link to an address a user stored (a contract document in the document system): opened in a new
 * tab with no way back into the app, and plain text when the address is not an http(s) one.
 */
export function ExternalLink({ url, children }: { url: string | null | undefined; children: ComponentChildren }) {
  const href = safeHref(url);
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} {...EXTERNAL_LINK}>
      {children}
      <span class="visually-hidden"> ({t('link.newTab')})</span>
    </a>
  );
}
