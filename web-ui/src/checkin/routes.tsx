import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const CheckInScreen = lazy(() => import('./CheckInScreen').then((m) => m.CheckInScreen));
const CheckInHistoryScreen = lazy(() => import('./CheckInHistoryScreen').then((m) => m.CheckInHistoryScreen));

export const checkinRoutes: Route[] = [
  { path: '/checkin', render: () => <CheckInScreen /> },
  { path: '/checkin/history', render: ({ profile }) => <CheckInHistoryScreen profile={profile} /> },
];
