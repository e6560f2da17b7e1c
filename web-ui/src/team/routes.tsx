import type { Route } from '../platform/routes';
import { inTeamArea } from '../shared/profile';
import { lazy } from '../shell/lazy';

const TeamScreen = lazy(() => import('./TeamScreen').then((m) => m.TeamScreen));
const TeamFeedScreen = lazy(() => import('./TeamFeedScreen').then((m) => m.TeamFeedScreen));
const TeamMoneyScreen = lazy(() => import('./TeamMoneyScreen').then((m) => m.TeamMoneyScreen));

export const teamRoutes: Route[] = [
  { path: '/team', guard: inTeamArea, render: () => <TeamScreen /> },
  { path: '/team/feed', guard: inTeamArea, render: () => <TeamFeedScreen /> },
  { path: '/team/money', guard: inTeamArea, render: ({ profile }) => <TeamMoneyScreen profile={profile} /> },
];
