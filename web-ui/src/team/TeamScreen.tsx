import { t } from '../i18n/i18n';
import { EmptyState, Screen } from '../shell/Screen';

export function TeamScreen() {
  return (
    <Screen title={t('team.title')}>
      <EmptyState icon="team" title={t('team.emptyTitle')} body={t('team.emptyBody')} />
    </Screen>
  );
}
