import { t, type MessageKey } from '../i18n/i18n';
import { followLink } from '../platform/router';
import type { IconName } from './icons';
import { Icon } from './icons';

interface Area {
  path: string;
  icon: IconName;
  label: MessageKey;
  /** other paths that belong to the area */
  also?: string[];
}

const AREAS: Area[] = [
  { path: '/today', icon: 'today', label: 'nav.today' },
  { path: '/checkin', icon: 'checkin', label: 'nav.checkin' },
  { path: '/customers', icon: 'customers', label: 'nav.customers' },
  { path: '/deals', icon: 'deals', label: 'nav.deals', also: ['/contracts'] },
  { path: '/team', icon: 'team', label: 'nav.team' },
  { path: '/me', icon: 'me', label: 'nav.me', also: ['/targets', '/coaching', '/reports', '/expenses'] },
];

/** The main areas; Team only for those who lead a team (the server enforces access regardless). */
export function BottomNav({ path, showTeam }: { path: string; showTeam: boolean }) {
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {AREAS.filter((area) => showTeam || area.path !== '/team').map((area) => (
          <li key={area.path}>
            <a href={area.path} onClick={followLink} aria-current={[area.path, ...(area.also ?? [])].some((p) => path.startsWith(p)) ? 'page' : undefined}>
              <Icon name={area.icon} />
              <span>{t(area.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
