import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';
import { managesPeople, managesTeams } from './model';

const PeopleScreen = lazy(() => import('./PeopleScreen').then((m) => m.PeopleScreen));
const PersonScreen = lazy(() => import('./PersonScreen').then((m) => m.PersonScreen));
const TeamsScreen = lazy(() => import('./TeamsScreen').then((m) => m.TeamsScreen));
const ServiceAccountsScreen = lazy(() => import('./integrations/ServiceAccountsScreen').then((m) => m.ServiceAccountsScreen));
const WebhooksScreen = lazy(() => import('./integrations/WebhooksScreen').then((m) => m.WebhooksScreen));
const WebhookScreen = lazy(() => import('./integrations/WebhookScreen').then((m) => m.WebhookScreen));
const CadenceScreen = lazy(() => import('./settings/CadenceScreen').then((m) => m.CadenceScreen));
const ReminderSettingsScreen = lazy(() => import('./settings/ReminderSettingsScreen').then((m) => m.ReminderSettingsScreen));
const AuditScreen = lazy(() => import('./audit/AuditScreen').then((m) => m.AuditScreen));

const admins = (profile: { role: string }) => profile.role === 'ADMIN';

/** People and teams, integrations, settings and the audit log (the server refuses other roles too). */
export const adminRoutes: Route[] = [
  { path: '/admin/people', guard: (p) => managesPeople(p.role), render: ({ profile }) => <PeopleScreen profile={profile} /> },
  { path: '/admin/people/:id', guard: (p) => managesPeople(p.role), render: ({ profile, params }) => <PersonScreen id={params.id} profile={profile} /> },
  { path: '/admin/teams', guard: (p) => managesTeams(p.role), render: () => <TeamsScreen /> },
  { path: '/admin/service-accounts', guard: admins, render: () => <ServiceAccountsScreen /> },
  { path: '/admin/webhooks', guard: admins, render: () => <WebhooksScreen /> },
  { path: '/admin/webhooks/:id', guard: admins, render: ({ params }) => <WebhookScreen id={params.id} /> },
  { path: '/admin/cadence', guard: admins, render: () => <CadenceScreen /> },
  { path: '/admin/reminders', guard: admins, render: () => <ReminderSettingsScreen /> },
  { path: '/admin/audit', guard: (p) => p.role === 'ADMIN' || p.role === 'DIRECTOR', render: () => <AuditScreen /> },
];
