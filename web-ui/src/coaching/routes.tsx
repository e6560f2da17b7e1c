import type { Route } from '../platform/routes';
import { lazy } from '../shell/lazy';

const CoachingScreen = lazy(() => import('./CoachingScreen').then((m) => m.CoachingScreen));
const ProposalsScreen = lazy(() => import('./ProposalsScreen').then((m) => m.ProposalsScreen));
const OnboardingTemplateScreen = lazy(() => import('./OnboardingTemplateScreen').then((m) => m.OnboardingTemplateScreen));

export const coachingRoutes: Route[] = [
  { path: '/coaching', render: ({ profile }) => <CoachingScreen profile={profile} /> },
  { path: '/team/coaching', render: ({ profile }) => <CoachingScreen profile={profile} /> },
  { path: '/team/proposals', render: () => <ProposalsScreen /> },
  { path: '/team/onboarding', render: ({ profile }) => <OnboardingTemplateScreen profile={profile} /> },
];
