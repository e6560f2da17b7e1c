import { useState } from 'preact/hooks';
import { formatDate, formatMoney, formatNumber } from '../i18n/format';
import { LOCALES, locale, speak, t, type Locale, type MessageKey } from '../i18n/i18n';
import { writeKey } from '../platform/db';
import { followLink } from '../platform/router';
import { useStore } from '../platform/store';
import { lazy } from '../shell/lazy';
import { Screen } from '../shell/Screen';
import { queueWrite, syncState } from '../sync/sync';
import { rememberProfile, type Profile, type ProfileChange } from '../shared/profile';
import { AdminLinks } from '../admin/common/AdminLinks';

const HonoursBoard = lazy(() => import('../incentive/HonoursBoard').then((m) => m.HonoursBoard));

/** The month before this one, as the API names it (2026-11). */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文（简体）', en: 'English' };

/** The user's own profile and settings. Changes go through the outbox, so they work offline too. */
export function MeScreen({ profile, onSignOut }: { profile: Profile; onSignOut: () => void }) {
  const [saved, setSaved] = useState(false);
  const { pending, failed } = useStore(syncState);
  const unsynced = pending + failed;

  async function change(patch: ProfileChange, label: MessageKey) {
    await rememberProfile({ ...profile, ...patch } as Profile);
    await queueWrite({ method: 'PATCH', path: '/api/v1/me', body: patch, label, userId: profile.id });
  }

  async function saveProfile(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const patch: ProfileChange = {};
    const displayName = String(form.get('displayName')).trim();
    const phone = String(form.get('phone')).trim();
    if (displayName && displayName !== profile.displayName) patch.displayName = displayName;
    if (phone !== (profile.phone ?? '')) patch.phone = phone;
    if (Object.keys(patch).length) await change(patch, 'outbox.profile');
    setSaved(true);
  }

  async function switchLanguage(next: Locale) {
    await speak(next);
    await writeKey('locale', next);
    await change({ locale: next }, 'outbox.language');
  }

  const sample = new Date(Date.UTC(2025, 0, 31, 4, 0));
  return (
    <Screen title={t('me.title')}>
      <section aria-labelledby="profile-heading" class="card">
        <h2 id="profile-heading">{t('me.profile')}</h2>
        <dl class="facts">
          <dt>{t('me.email')}</dt>
          <dd>{profile.email}</dd>
          <dt>{t('me.role')}</dt>
          <dd>{t(`role.${profile.role}` as MessageKey)}</dd>
        </dl>
        <form onSubmit={saveProfile} onInput={() => setSaved(false)}>
          <label for="displayName">{t('me.displayName')}</label>
          <input id="displayName" name="displayName" defaultValue={profile.displayName} required maxLength={120} autoComplete="name" />
          <label for="phone">{t('me.phone')}</label>
          <input id="phone" name="phone" type="tel" defaultValue={profile.phone ?? ''} maxLength={40} autoComplete="tel" />
          <p role="status" class="status">
            {saved ? t('me.saved') : ''}
          </p>
          <button type="submit" class="primary">
            {t('me.save')}
          </button>
        </form>
      </section>

      <fieldset class="card">
        <legend>{t('me.language')}</legend>
        {LOCALES.map((value) => (
          <label class="choice" key={value} lang={value}>
            <input type="radio" name="locale" value={value} checked={locale.get() === value} onChange={() => switchLanguage(value)} />
            {LANGUAGE_NAMES[value]}
          </label>
        ))}
        <p class="muted">
          {t('me.formats', {
            date: formatDate(sample, { dateStyle: 'medium' }, profile.timeZone),
            number: formatNumber(1234567.5),
            money: formatMoney('12345.6', 'CNY'),
          })}
        </p>
      </fieldset>

      {profile.role === 'REP' && (
        <div class="card links" data-testid="me-work">
          <a href="/targets" onClick={followLink}>{t('me.targets')}</a>
          <a href="/coaching" onClick={followLink}>{t('me.coaching')}</a>
          <a href="/reports/weekly" onClick={followLink}>{t('me.weeklyReport')}</a>
          <a href="/commission" onClick={followLink}>{t('me.commission')}</a>
        </div>
      )}
      {profile.role === 'ADMIN' && (
        <div class="card links">
          <a href="/commission/plans" onClick={followLink}>{t('me.commissionPlans')}</a>
        </div>
      )}
      <AdminLinks role={profile.role} />
      {profile.role === 'REP' && <HonoursBoard month={lastMonth()} />}

      <div class="card links">
        <a href="/expenses" onClick={followLink}>
          {t('me.expenses')}
        </a>
        <a href="/notifications" onClick={followLink}>
          {t('me.notifications')}
        </a>
        <a href="/sync" onClick={followLink}>
          {t('me.sync')}
        </a>
      </div>

      {unsynced > 0 && <p class="warning">{t('me.signOutWarning', { n: formatNumber(unsynced) })}</p>}
      <button type="button" class="secondary" onClick={onSignOut}>
        {t('me.signOut')}
      </button>
    </Screen>
  );
}
