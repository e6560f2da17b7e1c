import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const WeeklyReportScreen = lazy(() => import('./WeeklyReportScreen').then((m) => m.WeeklyReportScreen));
const TeamReportsScreen = lazy(() => import('./TeamReportsScreen').then((m) => m.TeamReportsScreen));

export const reportRoutes: Route[] = [
  { path: '/reports/weekly', render: () => <WeeklyReportScreen /> },
  { path: '/team/reports', render: ({ profile }) => <TeamReportsScreen profile={profile} /> },
];
