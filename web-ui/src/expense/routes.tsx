import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const ExpensesScreen = lazy(() => import('./ExpensesScreen').then((m) => m.ExpensesScreen));
const ClaimFormScreen = lazy(() => import('./ClaimFormScreen').then((m) => m.ClaimFormScreen));
const ClaimDetailScreen = lazy(() => import('./ClaimDetailScreen').then((m) => m.ClaimDetailScreen));
const ApprovalsScreen = lazy(() => import('./ApprovalsScreen').then((m) => m.ApprovalsScreen));
const BudgetsScreen = lazy(() => import('./BudgetsScreen').then((m) => m.BudgetsScreen));
const PreApprovalScreen = lazy(() => import('./PreApprovalScreen').then((m) => m.PreApprovalScreen));

export const expenseRoutes: Route[] = [
  { path: '/expenses', render: ({ profile }) => <ExpensesScreen profile={profile} /> },
  { path: '/expenses/new', render: () => <ClaimFormScreen /> },
  { path: '/expenses/approvals', render: () => <ApprovalsScreen /> },
  { path: '/expenses/budgets', render: ({ profile }) => <BudgetsScreen profile={profile} /> },
  { path: '/expenses/pre-approval', render: ({ profile }) => <PreApprovalScreen profile={profile} /> },
  { path: '/expenses/:id', render: ({ params }) => <ClaimDetailScreen id={params.id} /> },
];
