import type { Profile } from '../../me/profile';
import { lazy } from '../../shell/lazy';

const ServiceAccountsScreen = lazy(() => import('../integrations/ServiceAccountsScreen').then((m) => m.ServiceAccountsScreen));
const WebhooksScreen = lazy(() => import('../integrations/WebhooksScreen').then((m) => m.WebhooksScreen));
const WebhookScreen = lazy(() => import('../integrations/WebhookScreen').then((m) => m.WebhookScreen));
const CadenceScreen = lazy(() => import('../settings/CadenceScreen').then((m) => m.CadenceScreen));
const ReminderSettingsScreen = lazy(() => import('../settings/ReminderSettingsScreen').then((m) => m.ReminderSettingsScreen));
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((m) => m.AuditScreen));

/**
 * The integrations, settings and audit screen for a path, when it is one of them: null when the path is not
 * theirs, false when the user's role may not open it (the server refuses them too).
 */
export function adminSettingsScreen(path: string, profile: Profile) {
  const admin = profile.role === 'ADMIN';
  const webhook = /^\/admin\/webhooks\/([0-9a-f-]{36})$/.exec(path);
  if (webhook) return admin && <WebhookScreen key={path} id={webhook[1]} />;
  switch (path) {
    case '/admin/service-accounts':
      return admin && <ServiceAccountsScreen />;
    case '/admin/webhooks':
      return admin && <WebhooksScreen />;
    case '/admin/cadence':
      return admin && <CadenceScreen />;
    case '/admin/reminders':
      return admin && <ReminderSettingsScreen />;
    case '/admin/audit':
      return (admin || profile.role === 'DIRECTOR') && <AuditScreen />;
    default:
      return null;
  }
}
