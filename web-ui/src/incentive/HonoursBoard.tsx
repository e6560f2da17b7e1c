import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatNumber } from '../i18n/format';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { money, percentText, periodLabel, type Honour, type Honours } from './model';

const KINDS: { key: 'topSeller' | 'bestNewcomer' | 'mostImproved'; label: MessageKey }[] = [
  { key: 'topSeller', label: 'honours.topSeller' },
  { key: 'bestNewcomer', label: 'honours.bestNewcomer' },
  { key: 'mostImproved', label: 'honours.mostImproved' },
];

/** A month's honours of a team's subtree (or the organisation without a team). */
export function HonoursBoard({ month, team }: { month: string; team?: string }) {
  const [honours, setHonours] = useState<Honours>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setHonours(undefined);
    api<Honours>(`/api/v1/honours?month=${month}${team ? `&team=${team}` : ''}`).then((h) => {
      setHonours(h);
      setError(undefined);
    }, (e) => setError(describeError(e)));
  }, [month, team]);
  return (
    <section class="card" aria-labelledby="honours-h" data-testid="honours">
      <h2 id="honours-h">{t('honours.title', { month: periodLabel(month) })}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {!honours ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <ul class="plain">
          {KINDS.map(({ key, label }) => (
            <li key={key} data-testid={`honour-${key}`}>
              <strong>{t(label)}</strong>{' '}
              {honours[key] ? <HonourText honour={honours[key] as Honour} kind={key} currency={honours.currency} /> : <span class="muted">{t('honours.nobody')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HonourText({ honour, kind, currency }: { honour: Honour; kind: string; currency: string }) {
  const detail = kind === 'mostImproved'
    ? t('honours.improved', { from: percentText(honour.previousAchievement), to: percentText(honour.achievement) })
    : t('honours.revenue', { revenue: money(honour.revenue, currency), n: formatNumber(honour.dealsWon) });
  return <span>{honour.repName} <span class="muted">· {detail}</span></span>;
}
