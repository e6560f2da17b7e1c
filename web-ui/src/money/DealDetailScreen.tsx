import { useLayoutEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate, formatMoney } from '../i18n/format';
import { t } from '../i18n/i18n';
import { me } from '../shared/profile';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { DEAL_STAGES, dealStageLabel, type Deal, type DealStage, type DealStageMove } from './model';
import { useLoad } from '../shared/useLoad';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });
const when = (iso: string) => formatDate(new Date(iso), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One deal: what it is worth, where it stands, its stage history, and the stage change. */
export function DealDetailScreen({ id }: { id: string }) {
  const { data: deal, error } = useLoad(() => api<Deal>(`/api/v1/deals/${id}`), [id]);
  const [saved, setSaved] = useState(false);
  const [stage, setStage] = useState<DealStage>();
  // each answer resets the stage chosen to the deal's own, before it is painted
  useLayoutEffect(() => setStage(deal?.stage), [deal]);

  async function move(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    await queueWrite({
      method: 'POST',
      path: `/api/v1/deals/${id}/stage`,
      body: { stage: form.get('stage') as DealStage, reason: String(form.get('reason') ?? '').trim() || undefined } satisfies DealStageMove,
      label: 'outbox.dealStage',
      userId: me.get()!.id,
    });
    setSaved(true);
  }

  if (!deal) {
    return <Screen title={t('deal.title')}>{error ? <p class="error" role="alert">{error}</p> : <p>{t('loading')}</p>}</Screen>;
  }
  const closed = deal.stage === 'WON' || deal.stage === 'LOST';
  return (
    <Screen title={deal.name}>
      <p class="chips"><span class="chip">{dealStageLabel(deal.stage)}</span></p>
      {error && <p class="error" role="alert">{error}</p>}
      <dl class="facts card">
        <dt>{t('deal.customer')}</dt>
        <dd><a href={`/customers/${deal.customerId}`} onClick={followLink}>{deal.customerName}</a></dd>
        {deal.ownerName && (<><dt>{t('deal.owner')}</dt><dd>{deal.ownerName}</dd></>)}
        <dt>{t('deal.amount')}</dt><dd>{formatMoney(deal.amount, deal.currency)}</dd>
        {deal.productLine && (<><dt>{t('deal.productLine')}</dt><dd>{deal.productLine}</dd></>)}
        {deal.expectedCloseOn && (<><dt>{t('deal.expectedClose')}</dt><dd>{day(deal.expectedCloseOn)}</dd></>)}
        {deal.lostReason && (<><dt>{t('deal.lostReason')}</dt><dd>{deal.lostReason}</dd></>)}
      </dl>

      <section class="card" aria-labelledby="move-h">
        <h2 id="move-h">{t('deal.move')}</h2>
        {closed ? (
          <p class="muted">{t('deal.closed')}</p>
        ) : saved ? (
          <p class="status" role="status">{t('deal.moved')}</p>
        ) : (
          <form onSubmit={move}>
            <label for="deal-stage">{t('deal.newStage')}</label>
            <select id="deal-stage" name="stage" value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as DealStage)}>
              {DEAL_STAGES.map((s) => <option key={s} value={s}>{dealStageLabel(s)}</option>)}
            </select>
            <label for="deal-reason">{t('deal.reason')}</label>
            <input id="deal-reason" name="reason" maxLength={300} required={stage === 'LOST'} />
            <div class="actions">
              <button type="submit" class="primary" disabled={stage === deal.stage}>{t('deal.moveSave')}</button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="history-h">
        <h2 id="history-h">{t('deal.history')}</h2>
        <ol class="plain" data-testid="deal-history">
          {deal.history?.map((h, i) => (
            <li key={i} class="card">
              <div class="between">
                <strong>{h.fromStage ? `${dealStageLabel(h.fromStage)} → ${dealStageLabel(h.toStage)}` : dealStageLabel(h.toStage)}</strong>
                <time class="muted" dateTime={h.at}>{when(h.at)}</time>
              </div>
              {h.reason && <p class="muted">{h.reason}</p>}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}
