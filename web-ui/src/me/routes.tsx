import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';
import { MeScreen } from './MeScreen';

const PushScreen = lazy(() => import('./PushScreen').then((m) => m.PushScreen));

export const meRoutes: Route[] = [
  { path: '/me', render: ({ profile, signOut }) => <MeScreen profile={profile} onSignOut={signOut} /> },
  { path: '/notifications', render: () => <PushScreen /> },
];
