import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { Profile } from '../me/profile';
import { EmptyState, Screen } from '../shell/Screen';

/** Today: the date in the user's time zone and, until the agenda exists, an honest empty state. */
export function TodayScreen({ profile }: { profile: Profile }) {
  const date = formatDate(new Date(), { weekday: 'long', month: 'long', day: 'numeric' }, profile.timeZone);
  return (
    <Screen title={t('today.title')}>
      <p class="lead">{t('today.greeting', { name: profile.displayName })}</p>
      <p class="muted">{date}</p>
      <EmptyState icon="today" title={t('today.emptyTitle')} body={t('today.emptyBody')} />
    </Screen>
  );
}
