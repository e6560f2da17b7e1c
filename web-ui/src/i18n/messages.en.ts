/** English messages: the app’s own (shell, shared labels, server problems). Every key here must exist in messages.zh-CN.ts too (the type checker enforces it). */
export const en = {
  'app.name': 'Canvass',
  'app.skip': 'Skip to content',
  'lang.switchTo': '中文',

  'nav.label': 'Main',
  'nav.today': 'Today',
  'nav.checkin': 'Check-in',
  'nav.customers': 'Customers',
  'nav.team': 'Team',
  'nav.me': 'Me',

  'role.ADMIN': 'Administrator',
  'role.DIRECTOR': 'Sales director',
  'role.MANAGER': 'Sales manager',
  'role.REP': 'Sales rep',
  'role.INTEGRATION': 'Integration',

  'problem.validation': 'Some fields are not valid: {fields}',
  'problem.unauthorized': 'Your session has ended. Sign in again.',
  'problem.forbidden': 'You are not allowed to do this.',
  'problem.not-found': 'This was not found.',
  'problem.conflict': 'This conflicts with a change made elsewhere.',
  'problem.stale-version': 'Someone else changed this first. Reload and try again.',
  'problem.rate-limited': 'Too many requests. Try again shortly.',
  'problem.unavailable': 'Canvass is briefly unavailable. Try again shortly.',
  'problem.offline': 'You are offline.',
  'problem.other': 'Something went wrong ({status}).',

  'notFound.title': 'Page not found',
  'notFound.back': 'Go to Today',
  'loading': 'Loading…',

  'cancel': 'Cancel',

  'role.contact.DECISION_MAKER': 'Decision maker',
  'role.contact.INFLUENCER': 'Influencer',
  'role.contact.USER': 'User',
  'role.contact.GATEKEEPER': 'Gatekeeper',
  'role.contact.OTHER': 'Other',

  'nav.deals': 'Deals',

  'link.newTab': 'opens in a new tab',

  'metric.REVENUE': 'Revenue',
  'metric.NEW_CUSTOMERS': 'New customers',
  'metric.EFFECTIVE_VISITS': 'Effective visits',
  'metric.COLLECTIONS': 'Collections',
  'metric.DEALS_WON': 'Deals won',
};
