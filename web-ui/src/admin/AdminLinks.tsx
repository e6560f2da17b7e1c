import { t } from '../i18n/i18n';
import type { Role } from '../me/profile';
import { followLink } from '../platform/router';

/** The integrations, settings and audit screens, as links on the Me screen: admins get all, directors the audit log. */
export function AdminLinks({ role }: { role: Role }) {
  if (role !== 'ADMIN' && role !== 'DIRECTOR') return null;
  return (
    <nav class="card links" aria-label={t('adminx.nav')} data-testid="admin-links">
      {role === 'ADMIN' && (
        <>
          <a href="/admin/service-accounts" onClick={followLink}>{t('adminx.serviceAccounts')}</a>
          <a href="/admin/webhooks" onClick={followLink}>{t('adminx.webhooks')}</a>
          <a href="/admin/cadence" onClick={followLink}>{t('adminx.cadence')}</a>
          <a href="/admin/reminders" onClick={followLink}>{t('adminx.reminders')}</a>
        </>
      )}
      <a href="/admin/audit" onClick={followLink}>{t('adminx.audit')}</a>
    </nav>
  );
}
