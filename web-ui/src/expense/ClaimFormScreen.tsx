import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n/i18n';
import type { CustomerSummary } from '../customers/model';
import { navigate } from '../platform/router';
import { Screen } from '../shell/Screen';
import { useStore } from '../platform/store';
import { syncState } from '../sync/sync';
import { describeExpenseError } from './errors';
import { CATEGORIES, categoryLabel, type Category, type Claim, type ClaimCreate } from './model';
import type { ListOf } from '../api/types';

type CustomerOption = Pick<CustomerSummary, 'id' | 'name'>;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A new expense claim with its receipts, photographed or chosen from the phone. Filed online: the
 * claim, then each receipt, then (when asked) the submission, so a refusal such as going over
 * budget is seen at once; offline the form says so.
 */
export function ClaimFormScreen() {
  const sync = useStore(syncState);
  const [customers, setCustomers] = useState<CustomerOption[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [draftId, setDraftId] = useState<string>();

  useEffect(() => {
    api<ListOf<'CustomerResource_list', CustomerOption>>('/api/v1/customers?limit=200').then((p) => setCustomers(p.items), () => undefined);
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const submit = (event as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const files = ((form.elements.namedItem('receipts') as HTMLInputElement).files ?? []) as ArrayLike<File>;
    setBusy(true);
    setError(undefined);
    let id = draftId;
    try {
      if (!id) {
        const claim = await api<Claim>('/api/v1/expense-claims', {
          method: 'POST',
          body: {
            spentOn: text('spentOn') ?? '',
            category: text('category') as Category,
            amount: Number(text('amount')),
            currency: text('currency')?.toUpperCase() ?? '',
            customerId: text('customerId'),
            description: text('description') ?? '',
          } satisfies ClaimCreate,
        });
        id = claim.id;
        setDraftId(id);
        for (const file of Array.from(files)) {
          await api(`/api/v1/expense-claims/${id}/receipts`, { method: 'POST', body: file });
        }
      }
      if (submit) await api(`/api/v1/expense-claims/${id}/submit`, { method: 'POST' });
      navigate(`/expenses/${id}`);
    } catch (e) {
      setError(describeExpenseError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('expense.new')}>
      {!sync.online && <p class="warning" role="status">{t('expense.onlineOnly')}</p>}
      {error && (
        <p class="error" role="alert" data-testid="claim-error">
          {error}
          {draftId && <> <a href={`/expenses/${draftId}`}>{t('expense.openDraft')}</a></>}
        </p>
      )}
      <form onSubmit={save} aria-label={t('expense.new')}>
        <div class="row">
          <div>
            <label for="claim-day">{t('expense.spentOn')}</label>
            <input id="claim-day" name="spentOn" type="date" required defaultValue={today()} max={today()} disabled={!!draftId} />
          </div>
          <div>
            <label for="claim-category">{t('expense.category')}</label>
            <select id="claim-category" name="category" required disabled={!!draftId}>
              {CATEGORIES.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
            </select>
          </div>
        </div>
        <div class="row">
          <div>
            <label for="claim-amount">{t('expense.amount')}</label>
            <input id="claim-amount" name="amount" required inputMode="decimal" pattern="[0-9]+([.][0-9]{1,3})?" disabled={!!draftId} />
          </div>
          <div>
            <label for="claim-currency">{t('expense.currency')}</label>
            <input id="claim-currency" name="currency" required defaultValue="CNY" pattern="[A-Za-z]{3}" maxLength={3} disabled={!!draftId} />
          </div>
        </div>
        <label for="claim-customer">{t('expense.customer')}</label>
        <select id="claim-customer" name="customerId" disabled={!!draftId}>
          <option value="">{t('expense.noCustomer')}</option>
          {customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <label for="claim-description">{t('expense.description')}</label>
        <textarea id="claim-description" name="description" required maxLength={1000} rows={3} disabled={!!draftId} />
        <label for="claim-receipts">{t('expense.receipts')}</label>
        <input id="claim-receipts" name="receipts" type="file" accept="image/*" capture="environment" multiple disabled={!!draftId} />
        <p class="muted">{t('expense.receiptHint')}</p>
        <div class="actions">
          <button type="submit" name="action" value="submit" class="primary" disabled={busy || !sync.online}>{t('expense.saveSubmit')}</button>
          <button type="submit" name="action" value="draft" class="secondary" disabled={busy || !sync.online || !!draftId}>{t('expense.saveDraft')}</button>
        </div>
      </form>
    </Screen>
  );
}
