import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => m.DashboardScreen));

export const kpiRoutes: Route[] = [
  { path: '/team/dashboard', render: ({ profile }) => <DashboardScreen profile={profile} /> },
];
