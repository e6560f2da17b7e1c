import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const InboxScreen = lazy(() => import('./InboxScreen').then((m) => m.InboxScreen));

export const notifyRoutes: Route[] = [{ path: '/inbox', render: () => <InboxScreen /> }];
