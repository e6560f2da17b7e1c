import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const TeamScreen = lazy(() => import('./TeamScreen').then((m) => m.TeamScreen));
const TeamFeedScreen = lazy(() => import('./TeamFeedScreen').then((m) => m.TeamFeedScreen));
const TeamMoneyScreen = lazy(() => import('./TeamMoneyScreen').then((m) => m.TeamMoneyScreen));

export const teamRoutes: Route[] = [
  { path: '/team', render: () => <TeamScreen /> },
  { path: '/team/feed', render: () => <TeamFeedScreen /> },
  { path: '/team/money', render: ({ profile }) => <TeamMoneyScreen profile={profile} /> },
];
