import { useEffect } from 'preact/hooks';
import { logout } from './api/client';
import { adminSettingsScreen } from './admin/common/screens';
import { LoginScreen } from './auth/LoginScreen';
import { onSessionEnded } from './auth/session';
import { locale, pickLocale, speak, t } from './i18n/i18n';
import { MeScreen } from './me/MeScreen';
import { fetchProfile, forgetProfile, me, seesTeam, type Profile } from './me/profile';
import { watchUnread } from './notify/notify';
import { clearOutbox, keepOnlyWritesOf } from './outbox/outbox';
import { deleteKey } from './platform/db';
import { currentPath, followLink, navigate } from './platform/router';
import { lazy } from './shell/lazy';
import { useStore } from './platform/store';
import { BottomNav } from './shell/BottomNav';
import { Header } from './shell/Header';
import { Screen } from './shell/Screen';
import { SyncScreen } from './sync/SyncScreen';
import { onSynced, syncNow } from './sync/sync';
import { TodayScreen } from './today/TodayScreen';
import { forgetPeople } from './team/people';
import { managesPeople, managesTeams } from './admin/model';

const CustomersScreen = lazy(() => import('./customers/CustomersScreen').then((m) => m.CustomersScreen));
const CustomerDetailScreen = lazy(() => import('./customers/CustomerDetailScreen').then((m) => m.CustomerDetailScreen));
const CustomerFormScreen = lazy(() => import('./customers/CustomerFormScreen').then((m) => m.CustomerFormScreen));
const CheckInScreen = lazy(() => import('./checkin/CheckInScreen').then((m) => m.CheckInScreen));
const CheckInHistoryScreen = lazy(() => import('./checkin/CheckInHistoryScreen').then((m) => m.CheckInHistoryScreen));
const TeamScreen = lazy(() => import('./team/TeamScreen').then((m) => m.TeamScreen));
const InboxScreen = lazy(() => import('./notify/InboxScreen').then((m) => m.InboxScreen));
const PushScreen = lazy(() => import('./me/PushScreen').then((m) => m.PushScreen));
const DealsScreen = lazy(() => import('./money/DealsScreen').then((m) => m.DealsScreen));
const DealDetailScreen = lazy(() => import('./money/DealDetailScreen').then((m) => m.DealDetailScreen));
const ContractsScreen = lazy(() => import('./money/ContractsScreen').then((m) => m.ContractsScreen));
const ContractDetailScreen = lazy(() => import('./money/ContractDetailScreen').then((m) => m.ContractDetailScreen));
const TeamFeedScreen = lazy(() => import('./team/TeamFeedScreen').then((m) => m.TeamFeedScreen));
const TeamMoneyScreen = lazy(() => import('./team/TeamMoneyScreen').then((m) => m.TeamMoneyScreen));
const MyTargetsScreen = lazy(() => import('./targets/MyTargetsScreen').then((m) => m.MyTargetsScreen));
const TargetPlanScreen = lazy(() => import('./targets/TargetPlanScreen').then((m) => m.TargetPlanScreen));
const DashboardScreen = lazy(() => import('./kpi/DashboardScreen').then((m) => m.DashboardScreen));
const CoachingScreen = lazy(() => import('./coaching/CoachingScreen').then((m) => m.CoachingScreen));
const ProposalsScreen = lazy(() => import('./coaching/ProposalsScreen').then((m) => m.ProposalsScreen));
const OnboardingTemplateScreen = lazy(() => import('./coaching/OnboardingTemplateScreen').then((m) => m.OnboardingTemplateScreen));
const WeeklyReportScreen = lazy(() => import('./report/WeeklyReportScreen').then((m) => m.WeeklyReportScreen));
const StatementScreen = lazy(() => import('./incentive/StatementScreen').then((m) => m.StatementScreen));
const TeamStatementsScreen = lazy(() => import('./incentive/TeamStatementsScreen').then((m) => m.TeamStatementsScreen));
const PlansScreen = lazy(() => import('./incentive/PlansScreen').then((m) => m.PlansScreen));
const TeamReportsScreen = lazy(() => import('./report/TeamReportsScreen').then((m) => m.TeamReportsScreen));
const ExpensesScreen = lazy(() => import('./expense/ExpensesScreen').then((m) => m.ExpensesScreen));
const ClaimFormScreen = lazy(() => import('./expense/ClaimFormScreen').then((m) => m.ClaimFormScreen));
const ClaimDetailScreen = lazy(() => import('./expense/ClaimDetailScreen').then((m) => m.ClaimDetailScreen));
const ApprovalsScreen = lazy(() => import('./expense/ApprovalsScreen').then((m) => m.ApprovalsScreen));
const BudgetsScreen = lazy(() => import('./expense/BudgetsScreen').then((m) => m.BudgetsScreen));
const PreApprovalScreen = lazy(() => import('./expense/PreApprovalScreen').then((m) => m.PreApprovalScreen));
const WelcomeScreen = lazy(() => import('./auth/WelcomeScreen').then((m) => m.WelcomeScreen));
const PeopleScreen = lazy(() => import('./admin/PeopleScreen').then((m) => m.PeopleScreen));
const PersonScreen = lazy(() => import('./admin/PersonScreen').then((m) => m.PersonScreen));
const TeamsScreen = lazy(() => import('./admin/TeamsScreen').then((m) => m.TeamsScreen));

/** Loads the profile from the server and speaks its language. */
export async function refreshProfile(): Promise<Profile> {
  const profile = await fetchProfile();
  await speak(pickLocale(profile.locale));
  return profile;
}

async function signOut(): Promise<void> {
  await clearOutbox();
  forgetPeople();
  // what was cached for offline use belongs to this user only
  await Promise.all([deleteKey(`agenda:${me.get()?.id}`), deleteKey('checkin:nearby')]);
  await logout();
}

export function App() {
  const path = useStore(currentPath);
  const profile = useStore(me);
  useStore(locale);

  useEffect(() => {
    document.documentElement.lang = locale.get();
    return locale.subscribe((lang) => (document.documentElement.lang = lang));
  }, []);
  useEffect(() => onSessionEnded(() => {
    forgetPeople();
    void forgetProfile();
  }), []);
  useEffect(() => onSynced(() => void refreshProfile().catch(() => undefined)), []);
  useEffect(() => (profile ? watchUnread() : undefined), [profile?.id]);

  useEffect(() => {
    if (!profile && path !== '/login' && path !== '/welcome') navigate('/login', true);
    if (profile && (path === '/login' || path === '/')) navigate('/today', true);
  }, [profile, path]);

  const onSignedIn = async () => {
    const signedIn = await refreshProfile();
    await keepOnlyWritesOf(signedIn.id);
    void syncNow();
  };
  // an invite or reset link works whoever is signed in on this device
  if (path === '/welcome') return <WelcomeScreen onSignedIn={onSignedIn} />;
  if (!profile) {
    return <LoginScreen onSignedIn={onSignedIn} />;
  }

  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main">{screenFor(path, profile)}</main>
      <BottomNav path={path} showTeam={seesTeam(profile.role)} />
    </div>
  );
}

function screenFor(path: string, profile: Profile) {
  const adminSettings = adminSettingsScreen(path, profile);
  if (adminSettings !== null) return adminSettings || <NotFound />;
  const customer = /^\/customers\/([0-9a-f-]{36})(\/edit)?$/.exec(path);
  if (customer) return customer[2] ? <CustomerFormScreen key={path} id={customer[1]} /> : <CustomerDetailScreen key={path} id={customer[1]} />;
  const deal = /^\/deals\/([0-9a-f-]{36})$/.exec(path);
  if (deal) return <DealDetailScreen key={path} id={deal[1]} />;
  const claim = /^\/expenses\/([0-9a-f-]{36})$/.exec(path);
  if (claim) return <ClaimDetailScreen key={path} id={claim[1]} />;
  const person = /^\/admin\/people\/([0-9a-f-]{36})$/.exec(path);
  if (person) return managesPeople(profile.role) ? <PersonScreen key={path} id={person[1]} profile={profile} /> : <NotFound />;
  if (path === '/admin/people') return managesPeople(profile.role) ? <PeopleScreen profile={profile} /> : <NotFound />;
  if (path === '/admin/teams') return managesTeams(profile.role) ? <TeamsScreen /> : <NotFound />;
  const contract = /^\/contracts\/([0-9a-f-]{36})$/.exec(path);
  if (contract) return <ContractDetailScreen key={path} id={contract[1]} />;
  switch (path) {
    case '/deals':
      return <DealsScreen />;
    case '/contracts':
      return <ContractsScreen />;
    case '/today':
      return <TodayScreen profile={profile} />;
    case '/checkin':
      return <CheckInScreen />;
    case '/checkin/history':
      return <CheckInHistoryScreen profile={profile} />;
    case '/customers':
      return <CustomersScreen />;
    case '/customers/new':
      return <CustomerFormScreen key={path} />;
    case '/team':
      return seesTeam(profile.role) ? <TeamScreen /> : <NotFound />;
    case '/team/feed':
      return seesTeam(profile.role) ? <TeamFeedScreen /> : <NotFound />;
    case '/team/dashboard':
      return seesTeam(profile.role) ? <DashboardScreen profile={profile} /> : <NotFound />;
    case '/team/targets':
      return seesTeam(profile.role) ? <TargetPlanScreen profile={profile} /> : <NotFound />;
    case '/team/coaching':
      return seesTeam(profile.role) ? <CoachingScreen key={path} profile={profile} /> : <NotFound />;
    case '/team/proposals':
      return seesTeam(profile.role) ? <ProposalsScreen /> : <NotFound />;
    case '/team/onboarding':
      return seesTeam(profile.role) ? <OnboardingTemplateScreen profile={profile} /> : <NotFound />;
    case '/team/reports':
      return seesTeam(profile.role) ? <TeamReportsScreen profile={profile} /> : <NotFound />;
    case '/team/money':
      return seesTeam(profile.role) ? <TeamMoneyScreen profile={profile} /> : <NotFound />;
    case '/team/commission':
      return seesTeam(profile.role) ? <TeamStatementsScreen profile={profile} /> : <NotFound />;
    case '/commission':
      return <StatementScreen profile={profile} />;
    case '/commission/plans':
      return profile.role === 'ADMIN' ? <PlansScreen profile={profile} /> : <NotFound />;
    case '/targets':
      return <MyTargetsScreen profile={profile} />;
    case '/coaching':
      return <CoachingScreen key={path} profile={profile} />;
    case '/expenses':
      return <ExpensesScreen profile={profile} />;
    case '/expenses/new':
      return <ClaimFormScreen key={path} />;
    case '/expenses/approvals':
      return <ApprovalsScreen />;
    case '/expenses/budgets':
      return <BudgetsScreen profile={profile} />;
    case '/expenses/pre-approval':
      return <PreApprovalScreen key={path} profile={profile} />;
    case '/reports/weekly':
      return <WeeklyReportScreen />;
    case '/me':
      return <MeScreen profile={profile} onSignOut={() => void signOut()} />;
    case '/notifications':
      return <PushScreen />;
    case '/inbox':
      return <InboxScreen />;
    case '/sync':
      return <SyncScreen />;
    case '/':
    case '/login':
      return <p>{t('loading')}</p>;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <Screen title={t('notFound.title')}>
      <a href="/today" onClick={followLink} class="button secondary">
        {t('notFound.back')}
      </a>
    </Screen>
  );
}
