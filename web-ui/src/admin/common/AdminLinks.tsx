import { t } from '../../i18n/i18n';
import type { Role } from '../../shared/profile';
import { followLink } from '../../platform/router';
import { managesPeople, managesTeams } from '../model';

/**
 * The Me screen's one administration block, each link for the roles the server lets in: managers the people of
 * their teams; directors also the team tree and the audit log; admins everything, integrations and settings too.
 */
export function AdminLinks({ role }: { role: Role }) {
  if (!managesPeople(role)) return null;
  return (
    <nav class="card links" aria-labelledby="me-admin-h" data-testid="me-admin">
      <h2 id="me-admin-h" class="links-title">{t('me.admin')}</h2>
      <a href="/admin/people" onClick={followLink}>{t('admin.people.title')}</a>
      {managesTeams(role) && <a href="/admin/teams" onClick={followLink}>{t('admin.teams.title')}</a>}
      {role === 'ADMIN' && (
        <>
          <a href="/admin/service-accounts" onClick={followLink}>{t('orgAdmin.serviceAccounts')}</a>
          <a href="/admin/webhooks" onClick={followLink}>{t('orgAdmin.webhooks')}</a>
          <a href="/admin/cadence" onClick={followLink}>{t('orgAdmin.cadence')}</a>
          <a href="/admin/reminders" onClick={followLink}>{t('orgAdmin.reminders')}</a>
        </>
      )}
      {(role === 'ADMIN' || role === 'DIRECTOR') && <a href="/admin/audit" onClick={followLink}>{t('orgAdmin.audit')}</a>}
    </nav>
  );
}
