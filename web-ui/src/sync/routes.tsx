import type { Route } from '../platform/routes';
import { SyncScreen } from './SyncScreen';

export const syncRoutes: Route[] = [{ path: '/sync', render: () => <SyncScreen /> }];
