import type { Route } from '../platform/routes';
import { inTeamArea } from '../shared/profile';
import { lazy } from '../shell/lazy';

const DashboardScreen = lazy(() => import('./DashboardScreen').then((m) => m.DashboardScreen));

export const kpiRoutes: Route[] = [
  { path: '/team/dashboard', guard: inTeamArea, render: ({ profile }) => <DashboardScreen profile={profile} /> },
];
