import { t } from '../i18n/i18n';
import { me } from '../shared/profile';
import { queueWrite } from '../sync/sync';
import type { DealCreate } from './model';

/** A new deal for a customer (from the customer's page), queued in the outbox. */
export function NewDealForm({ customerId, onDone, onCancel }: { customerId: string; onDone: () => void; onCancel: () => void }) {
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    await queueWrite({
      method: 'POST',
      path: '/api/v1/deals',
      body: {
        customerId,
        name: text('name') ?? '',
        amount: Number(text('amount')),
        currency: text('currency')?.toUpperCase() ?? '',
        productLine: text('productLine'),
        expectedCloseOn: text('expectedCloseOn'),
      } satisfies DealCreate,
      label: 'outbox.dealNew',
      userId: me.get()!.id,
    });
    onDone();
  }
  return (
    <form class="inline-form" onSubmit={submit} aria-label={t('deal.new')}>
      <label for="new-deal-name">{t('deal.name')}</label>
      <input id="new-deal-name" name="name" required maxLength={200} />
      <div class="row">
        <div>
          <label for="new-deal-amount">{t('deal.amount')}</label>
          <input id="new-deal-amount" name="amount" required inputMode="decimal" pattern="[0-9]+([.][0-9]{1,3})?" />
        </div>
        <div>
          <label for="new-deal-currency">{t('deal.currency')}</label>
          <input id="new-deal-currency" name="currency" required defaultValue="CNY" pattern="[A-Za-z]{3}" maxLength={3} />
        </div>
      </div>
      <label for="new-deal-line">{t('deal.productLine')}</label>
      <input id="new-deal-line" name="productLine" maxLength={80} />
      <label for="new-deal-close">{t('deal.expectedClose')}</label>
      <input id="new-deal-close" name="expectedCloseOn" type="date" />
      <div class="actions">
        <button type="submit" class="primary">{t('deal.create')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
