import { t } from '../i18n/i18n';
import { EmptyState, Screen } from '../shell/Screen';

export function CheckInScreen() {
  return (
    <Screen title={t('checkin.title')}>
      <EmptyState icon="checkin" title={t('checkin.emptyTitle')} body={t('checkin.emptyBody')} />
    </Screen>
  );
}
