import { t } from '../../i18n/i18n';
import type { Role } from '../../me/profile';
import { followLink } from '../../platform/router';

/** The integrations, settings and audit screens, as links on the Me screen: admins get all, directors the audit log. */
export function AdminLinks({ role }: { role: Role }) {
  if (role !== 'ADMIN' && role !== 'DIRECTOR') return null;
  return (
    <div class="card links" data-testid="admin-links">
      <h2 class="links-title">{t('orgAdmin.nav')}</h2>
      {role === 'ADMIN' && (
        <>
          <a href="/admin/service-accounts" onClick={followLink}>{t('orgAdmin.serviceAccounts')}</a>
          <a href="/admin/webhooks" onClick={followLink}>{t('orgAdmin.webhooks')}</a>
          <a href="/admin/cadence" onClick={followLink}>{t('orgAdmin.cadence')}</a>
          <a href="/admin/reminders" onClick={followLink}>{t('orgAdmin.reminders')}</a>
        </>
      )}
      <a href="/admin/audit" onClick={followLink}>{t('orgAdmin.audit')}</a>
    </div>
  );
}
