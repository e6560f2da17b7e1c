import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import { adminRoutes } from './admin/routes';
import { logout } from './api/client';
import { LoginScreen } from './auth/LoginScreen';
import { onSessionEnded } from './auth/session';
import { checkinRoutes } from './checkin/routes';
import { coachingRoutes } from './coaching/routes';
import { customerRoutes } from './customers/routes';
import { expenseRoutes } from './expense/routes';
import { locale, t } from './i18n/i18n';
import { incentiveRoutes } from './incentive/routes';
import { kpiRoutes } from './kpi/routes';
import { meRoutes } from './me/routes';
import { moneyRoutes } from './money/routes';
import { watchUnread } from './notify/notify';
import { notifyRoutes } from './notify/routes';
import { clearOutbox, keepOnlyWritesOf } from './outbox/outbox';
import { deleteKey } from './platform/db';
import { currentPath, followLink, navigate } from './platform/router';
import { matchRoute, type Route } from './platform/routes';
import { useStore } from './platform/store';
import { reportRoutes } from './report/routes';
import { forgetProfile, me, refreshProfile, seesTeam, type Profile } from './shared/profile';
import { BottomNav } from './shell/BottomNav';
import { Header } from './shell/Header';
import { lazy } from './shell/lazy';
import { Screen } from './shell/Screen';
import { syncRoutes } from './sync/routes';
import { onSynced, syncNow } from './sync/sync';
import { targetRoutes } from './targets/routes';
import { forgetPeople } from './team/people';
import { teamRoutes } from './team/routes';
import { todayRoutes } from './today/routes';

const WelcomeScreen = lazy(() => import('./auth/WelcomeScreen').then((m) => m.WelcomeScreen));

/** Every screen of the signed-in app: each feature folder says its paths, screens and who may open them. */
const routes: Route[] = [
  ...todayRoutes,
  ...checkinRoutes,
  ...customerRoutes,
  ...moneyRoutes,
  ...teamRoutes,
  ...targetRoutes,
  ...kpiRoutes,
  ...coachingRoutes,
  ...reportRoutes,
  ...incentiveRoutes,
  ...expenseRoutes,
  ...adminRoutes,
  ...meRoutes,
  ...notifyRoutes,
  ...syncRoutes,
];

/** The Team area, /team and every path under it, is for managers and up: the one guard of all its screens. */
function inTeamArea(path: string): boolean {
  return path === '/team' || path.startsWith('/team/');
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
  if (path === '/' || path === '/login') return <p>{t('loading')}</p>;
  const found = matchRoute(routes, path);
  if (!found || (found.route.guard && !found.route.guard(profile)) || (inTeamArea(path) && !seesTeam(profile.role))) return <NotFound />;
  // a new path is a new screen, even when two paths show the same one (a form, coaching)
  return <Fragment key={path}>{found.route.render({ profile, params: found.params, signOut: () => void signOut() })}</Fragment>;
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
