import { t } from '../i18n/i18n';
import { EmptyState, Screen } from '../shell/Screen';

export function CustomersScreen() {
  return (
    <Screen title={t('customers.title')}>
      <EmptyState icon="customers" title={t('customers.emptyTitle')} body={t('customers.emptyBody')} />
    </Screen>
  );
}
