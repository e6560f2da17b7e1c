/** Every path the app answers (the server gives each of them the app's index). */
export const ROUTES = [
  '/', '/login', '/today', '/checkin', '/checkin/history', '/customers', '/customers/new', '/customers/:id', '/customers/:id/edit',
  '/team', '/team/feed', '/me', '/notifications', '/inbox', '/sync', '/deals', '/deals/:id', '/contracts', '/contracts/:id',
  '/targets', '/coaching', '/reports/weekly', '/team/dashboard', '/team/targets', '/team/coaching', '/team/proposals', '/team/reports',
  '/team/onboarding',
  '/team/money',
  '/admin/service-accounts', '/admin/webhooks', '/admin/webhooks/:id', '/admin/cadence', '/admin/reminders', '/admin/audit',
  '/commission', '/commission/plans', '/team/commission',
  '/expenses', '/expenses/new', '/expenses/:id', '/expenses/approvals', '/expenses/budgets', '/expenses/pre-approval',
  '/welcome', '/admin/people', '/admin/people/:id', '/admin/teams',
] as const;

export type Route = (typeof ROUTES)[number];
