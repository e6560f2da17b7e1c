import { api } from '../api/client';
import { formatMoney } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { DEAL_STAGES, dealStageLabel, type Deal, type Pipeline } from './model';
import { Tabs } from './Tabs';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

/** The pipeline: each stage with its count and sums per currency, and its deals. */
export function DealsScreen() {
  const { data, error } = useLoad(
    () => Promise.all([api<Pipeline>('/api/v1/deals/pipeline'), api<ListOf<'DealResource_list', Deal>>('/api/v1/deals?limit=200')]),
    [],
  );
  const pipeline = data?.[0];
  const deals = data?.[1].items ?? [];

  return (
    <Screen title={t('deals.title')}>
      <Tabs current="pipeline" />
      {error && <p class="error" role="alert">{error}</p>}
      {!pipeline ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        DEAL_STAGES.map((stage) => {
          const total = pipeline.stages.find((s) => s.stage === stage);
          const inStage = deals.filter((d) => d.stage === stage);
          return (
            <section key={stage} aria-labelledby={`stage-${stage}`} class="card" data-testid={`stage-${stage}`}>
              <div class="between">
                <h2 id={`stage-${stage}`}>{dealStageLabel(stage)}</h2>
                <span class="muted">{tn('deals.count', total?.count ?? 0)}</span>
              </div>
              {total && total.amounts.length > 0 && (
                <p class="chips">{total.amounts.map((a) => <span class="chip" key={a.currency}>{formatMoney(a.amount, a.currency)}</span>)}</p>
              )}
              {inStage.length === 0 ? (
                <p class="muted">{t('deals.empty')}</p>
              ) : (
                <ul class="plain">
                  {inStage.map((d) => (
                    <li key={d.id} class="between">
                      <a href={`/deals/${d.id}`} onClick={followLink} class="title-link">{d.name} · {d.customerName}</a>
                      <span>{formatMoney(d.amount, d.currency)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </Screen>
  );
}
