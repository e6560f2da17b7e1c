import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate, formatMoney } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { me } from '../shared/profile';
import { followLink, navigate } from '../platform/router';
import { Screen } from '../shell/Screen';
import { onSynced, queueWrite } from '../sync/sync';
import { describeExpenseError } from './errors';
import { day } from './ExpensesScreen';
import { categoryLabel, receiptUrl, statusLabel, type Claim, type Decision } from './model';

const when = (iso: string) => formatDate(new Date(iso), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function ReceiptImage({ claimId, receiptId, index }: { claimId: string; receiptId: string; index: number }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    receiptUrl(claimId, receiptId).then((u) => setUrl((made = u)), () => undefined);
    return () => made && URL.revokeObjectURL(made);
  }, [receiptId]);
  return url ? <img class="receipt" src={url} alt={t('expense.receiptN', { n: index + 1 })} /> : <span class="chip">{t('expense.receiptN', { n: index + 1 })}</span>;
}

/** One claim: its facts, receipts and history, and what the viewer may do with it now. */
export function ClaimDetailScreen({ id }: { id: string }) {
  const [claim, setClaim] = useState<Claim>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);

  async function load() {
    try {
      setClaim(await api<Claim>(`/api/v1/expense-claims/${id}`));
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    void load();
    return onSynced(() => void load());
  }, [id]);

  /** Rep steps run online so a refusal (over budget, missing receipt) shows at once. */
  async function now(path: string, method: 'POST' | 'DELETE' = 'POST', body?: unknown) {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/expense-claims/${id}${path}`, { method, body });
      if (method === 'DELETE') navigate('/expenses');
      else await load();
    } catch (e) {
      setError(describeExpenseError(e));
    } finally {
      setBusy(false);
    }
  }

  /** Approvers' decisions go through the outbox like other writes. */
  async function decide(step: 'approve' | 'return' | 'pay', comment?: string) {
    setBusy(true);
    await queueWrite({
      method: 'POST',
      path: `/api/v1/expense-claims/${id}/${step}`,
      body: { comment } satisfies Decision,
      label: step === 'approve' ? 'outbox.expenseApprove' : step === 'pay' ? 'outbox.expensePay' : 'outbox.expenseReturn',
      userId: me.get()!.id,
    });
    setReturning(false);
    setBusy(false);
    await load();
  }

  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) await now('/receipts', 'POST', file);
    input.value = '';
  }

  if (!claim) {
    return <Screen title={t('expense.claim')}>{error ? <p class="error" role="alert">{error}</p> : <p>{t('loading')}</p>}</Screen>;
  }
  const can = (action: Claim['actions'][number]) => claim.actions.includes(action);
  return (
    <Screen title={`${categoryLabel(claim.category)} · ${formatMoney(claim.amount, claim.currency)}`}>
      <p class="chips"><span class={`chip${claim.status === 'RETURNED' ? ' chip-warn' : ''}`} data-testid="claim-status">{statusLabel(claim.status)}</span></p>
      {error && <p class="error" role="alert">{error}</p>}
      <dl class="facts card">
        <dt>{t('expense.claimant')}</dt><dd>{claim.userName} · {claim.teamName}</dd>
        <dt>{t('expense.spentOn')}</dt><dd>{day(claim.spentOn)}</dd>
        <dt>{t('expense.amount')}</dt><dd>{formatMoney(claim.amount, claim.currency)}</dd>
        {claim.customerName && (<><dt>{t('expense.customer')}</dt><dd><a href={`/customers/${claim.customerId}`} onClick={followLink}>{claim.customerName}</a></dd></>)}
        {claim.dealName && (<><dt>{t('expense.deal')}</dt><dd>{claim.dealName}</dd></>)}
        <dt>{t('expense.description')}</dt><dd>{claim.description}</dd>
      </dl>

      <section class="card" aria-labelledby="receipts-h">
        <h2 id="receipts-h">{t('expense.receipts')}</h2>
        {claim.receipts?.length ? (
          <div class="receipts">{claim.receipts.map((r, i) => <ReceiptImage key={r.id} claimId={claim.id} receiptId={r.id} index={i} />)}</div>
        ) : <p class="muted">{t('expense.noReceipts')}</p>}
        {can('UPLOAD_RECEIPT') && (
          <>
            <label for="more-receipts">{t('expense.addReceipt')}</label>
            <input id="more-receipts" type="file" accept="image/*" capture="environment" multiple onChange={upload} disabled={busy} />
          </>
        )}
      </section>

      {claim.actions.length > 0 && (
        <section class="card" aria-labelledby="claim-actions-h">
          <h2 id="claim-actions-h">{t('expense.next')}</h2>
          {returning ? (
            <form onSubmit={(e) => {
              e.preventDefault();
              void decide('return', String(new FormData(e.currentTarget as HTMLFormElement).get('comment') ?? '').trim());
            }}>
              <label for="return-comment">{t('expense.returnComment')}</label>
              <textarea id="return-comment" name="comment" required maxLength={1000} rows={2} />
              <div class="actions">
                <button type="submit" class="primary" disabled={busy}>{t('expense.return')}</button>
                <button type="button" class="secondary" onClick={() => setReturning(false)}>{t('cancel')}</button>
              </div>
            </form>
          ) : (
            <div class="actions">
              {can('SUBMIT') && <button type="button" class="primary" disabled={busy} onClick={() => void now('/submit')}>{t('expense.submit')}</button>}
              {can('APPROVE') && <button type="button" class="primary" disabled={busy} onClick={() => void decide('approve')}>{t('expense.approve')}</button>}
              {can('PAY') && <button type="button" class="primary" disabled={busy} onClick={() => void decide('pay')}>{t('expense.pay')}</button>}
              {can('RETURN') && <button type="button" class="secondary" disabled={busy} onClick={() => setReturning(true)}>{t('expense.return')}</button>}
              {can('WITHDRAW') && <button type="button" class="secondary" disabled={busy} onClick={() => void now('/withdraw')}>{t('expense.withdraw')}</button>}
              {can('DELETE') && <button type="button" class="secondary" disabled={busy} onClick={() => void now('', 'DELETE')}>{t('expense.delete')}</button>}
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="claim-history-h">
        <h2 id="claim-history-h">{t('expense.history')}</h2>
        <ol class="plain" data-testid="claim-history">
          {claim.history?.map((h, i) => (
            <li key={i} class="card">
              <div class="between">
                <strong>{statusLabel(h.toStatus)}</strong>
                <time class="muted" dateTime={h.at}>{when(h.at)}</time>
              </div>
              <p class="muted">{h.actorName}</p>
              {h.comment && <p>{h.comment}</p>}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}
