import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate, formatMoney } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { BANDS, contractStatusLabel, renewalStateLabel, type Contract, type RenewalItem } from './model';
import { Tabs } from './Tabs';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });

export function daysToEnd(days: number): string {
  return days >= 0 ? tn('contracts.daysLeft', days) : tn('contracts.daysAgo', -days);
}

/** Contracts: the renewal radar (ending within 7/30/60/90 days, and ended without a decision), then every contract. */
export function ContractsScreen() {
  const [band, setBand] = useState<number>(90);
  const { data, error } = useLoad(
    () => Promise.all([api<ListOf<'RenewalResource_radar', RenewalItem>>('/api/v1/renewals?within=90d'), api<ListOf<'ContractResource_list', Contract>>('/api/v1/contracts?limit=200')]),
    [],
  );
  const radar = data?.[0].items;
  const contracts = data?.[1].items ?? [];

  const expired = radar?.filter((r) => r.expiredUndecided) ?? [];
  const shown = radar?.filter((r) => !r.expiredUndecided && r.daysToEnd <= band) ?? [];
  return (
    <Screen title={t('contracts.title')}>
      <Tabs current="contracts" />
      {error && <p class="error" role="alert">{error}</p>}
      <section aria-labelledby="radar-h">
        <h2 id="radar-h">{t('contracts.radar')}</h2>
        <div class="radar" role="group" aria-labelledby="radar-h">
          {BANDS.map((b) => {
            const n = radar?.filter((r) => !r.expiredUndecided && r.daysToEnd <= b).length ?? 0;
            return (
              <button key={b} type="button" class={b === band ? 'primary small' : 'secondary'} aria-pressed={b === band}
                onClick={() => setBand(b)} data-testid={`band-${b}`}>
                {t('contracts.band', { days: b })} <strong>{n}</strong>
              </button>
            );
          })}
        </div>
        {expired.length > 0 && (
          <>
            <h3>{t('contracts.expired')}</h3>
            <ul class="plain">{expired.map((r) => <RadarItem key={r.contractId} item={r} />)}</ul>
          </>
        )}
        {!radar ? !error && <p role="status">{t('loading')}</p> : shown.length === 0 ? (
          <p class="muted">{t('contracts.noneDue')}</p>
        ) : (
          <ul class="plain" data-testid="radar">{shown.map((r) => <RadarItem key={r.contractId} item={r} />)}</ul>
        )}
      </section>
      <section aria-labelledby="all-h">
        <h2 id="all-h">{t('contracts.all')}</h2>
        {contracts.length === 0 ? (
          <p class="muted">{t('contracts.empty')}</p>
        ) : (
          <ul class="plain">
            {contracts.map((c) => (
              <li key={c.id} class="card">
                <a href={`/contracts/${c.id}`} onClick={followLink} class="title-link">{c.number} · {c.customerName}</a>
                <p class="chips">
                  <span class="chip">{contractStatusLabel(c.status)}</span>
                  <span class="chip">{renewalStateLabel(c.renewalState)}</span>
                  <span class="chip">{formatMoney(c.value, c.currency)}</span>
                </p>
                <p class="muted">{day(c.startsOn)} – {day(c.endsOn)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}

function RadarItem({ item }: { item: RenewalItem }) {
  return (
    <li class={`card${item.expiredUndecided || item.daysToEnd <= 7 ? ' flag-warn' : ''}`}>
      <a href={`/contracts/${item.contractId}`} onClick={followLink} class="title-link">{item.customerName} · {item.number}</a>
      <p class="chips">
        <span class={`chip${item.daysToEnd <= 30 ? ' chip-warn' : ''}`}>{daysToEnd(item.daysToEnd)}</span>
        <span class="chip">{renewalStateLabel(item.renewalState)}</span>
        {item.health && <span class="chip">{t('contracts.health', { score: item.health.score })}</span>}
        <span class="chip">{formatMoney(item.value, item.currency)}</span>
      </p>
      <p class="muted">{day(item.endsOn)}{item.ownerName ? ` · ${item.ownerName}` : ''}</p>
    </li>
  );
}
