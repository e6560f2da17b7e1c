import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const MyTargetsScreen = lazy(() => import('./MyTargetsScreen').then((m) => m.MyTargetsScreen));
const TargetPlanScreen = lazy(() => import('./TargetPlanScreen').then((m) => m.TargetPlanScreen));

export const targetRoutes: Route[] = [
  { path: '/targets', render: ({ profile }) => <MyTargetsScreen profile={profile} /> },
  { path: '/team/targets', render: ({ profile }) => <TargetPlanScreen profile={profile} /> },
];
