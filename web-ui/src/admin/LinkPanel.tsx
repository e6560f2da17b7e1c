import { useState } from 'preact/hooks';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { shareableLink, type AccessLink } from './model';

/** A link just issued: shown once, to copy or share (WeCom, a message) with the person it is for. */
export function LinkPanel({ link, name }: { link: AccessLink; name: string }) {
  const [copied, setCopied] = useState(false);
  const url = shareableLink(link, location.origin);
  const expires = formatDate(new Date(link.expiresAt), { dateStyle: 'medium', timeStyle: 'short' });

  if (!url) {
    // a retried request: the server shows a link's token once only
    return (
      <section class="card" role="status" data-testid="access-link">
        <p>{t('admin.link.alreadyIssued', { expires })}</p>
      </section>
    );
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url!);
      setCopied(true);
    } catch {
      (document.getElementById('access-link-url') as HTMLInputElement | null)?.select();
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('admin.link.shareTitle'), url });
    } catch {
      // closing the share sheet is no failure
    }
  }

  return (
    <section class="card" aria-labelledby="access-link-heading" data-testid="access-link">
      <h2 id="access-link-heading">{link.purpose === 'INVITE' ? t('admin.link.inviteTitle', { name }) : t('admin.link.resetTitle', { name })}</h2>
      <p class="muted">{t('admin.link.explain', { expires })}</p>
      <label for="access-link-url">{t('admin.link.label')}</label>
      <input id="access-link-url" readOnly value={url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      <div class="actions wrap">
        <button type="button" class="primary" onClick={copy}>{t('admin.link.copy')}</button>
        {typeof navigator.share === 'function' && (
          <button type="button" class="secondary" onClick={share}>{t('admin.link.share')}</button>
        )}
      </div>
      <p role="status" class="status">{copied ? t('admin.link.copied') : ''}</p>
    </section>
  );
}
