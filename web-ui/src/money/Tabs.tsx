import { t } from '../i18n/i18n';
import { followLink } from '../platform/router';

/** Pipeline | Contracts: the two halves of the deals area. */
export function Tabs({ current }: { current: 'pipeline' | 'contracts' }) {
  return (
    <nav class="tabs" aria-label={t('nav.deals')}>
      <a href="/deals" onClick={followLink} aria-current={current === 'pipeline' ? 'page' : undefined}>{t('deals.tab.pipeline')}</a>
      <a href="/contracts" onClick={followLink} aria-current={current === 'contracts' ? 'page' : undefined}>{t('deals.tab.contracts')}</a>
    </nav>
  );
}
