import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const StatementScreen = lazy(() => import('./StatementScreen').then((m) => m.StatementScreen));
const TeamStatementsScreen = lazy(() => import('./TeamStatementsScreen').then((m) => m.TeamStatementsScreen));
const PlansScreen = lazy(() => import('./PlansScreen').then((m) => m.PlansScreen));

export const incentiveRoutes: Route[] = [
  { path: '/commission', render: ({ profile }) => <StatementScreen profile={profile} /> },
  { path: '/commission/plans', guard: (profile) => profile.role === 'ADMIN', render: ({ profile }) => <PlansScreen profile={profile} /> },
  { path: '/team/commission', render: ({ profile }) => <TeamStatementsScreen profile={profile} /> },
];
