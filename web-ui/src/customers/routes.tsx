import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const CustomersScreen = lazy(() => import('./CustomersScreen').then((m) => m.CustomersScreen));
const CustomerDetailScreen = lazy(() => import('./CustomerDetailScreen').then((m) => m.CustomerDetailScreen));
const CustomerFormScreen = lazy(() => import('./CustomerFormScreen').then((m) => m.CustomerFormScreen));

export const customerRoutes: Route[] = [
  { path: '/customers', render: () => <CustomersScreen /> },
  { path: '/customers/new', render: () => <CustomerFormScreen /> },
  { path: '/customers/:id', render: ({ params }) => <CustomerDetailScreen id={params.id} /> },
  { path: '/customers/:id/edit', render: ({ params }) => <CustomerFormScreen id={params.id} /> },
];
