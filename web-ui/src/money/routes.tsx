import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const DealsScreen = lazy(() => import('./DealsScreen').then((m) => m.DealsScreen));
const DealDetailScreen = lazy(() => import('./DealDetailScreen').then((m) => m.DealDetailScreen));
const ContractsScreen = lazy(() => import('./ContractsScreen').then((m) => m.ContractsScreen));
const ContractDetailScreen = lazy(() => import('./ContractDetailScreen').then((m) => m.ContractDetailScreen));

export const moneyRoutes: Route[] = [
  { path: '/deals', render: () => <DealsScreen /> },
  { path: '/deals/:id', render: ({ params }) => <DealDetailScreen id={params.id} /> },
  { path: '/contracts', render: () => <ContractsScreen /> },
  { path: '/contracts/:id', render: ({ params }) => <ContractDetailScreen id={params.id} /> },
];
