import type { Route } from '../platform/routes';
import { TodayScreen } from './TodayScreen';

/** Today is the first screen, so it is part of the initial bundle rather than a chunk of its own. */
export const todayRoutes: Route[] = [{ path: '/today', render: ({ profile }) => <TodayScreen profile={profile} /> }];
