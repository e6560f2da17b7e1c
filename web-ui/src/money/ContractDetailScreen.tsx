import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { dayFromToday } from '../shared/days';
import { formatDate, formatMoney } from '../i18n/format';
import { t, tn, type MessageKey } from '../i18n/i18n';
import { me } from '../shared/profile';
import { followLink } from '../platform/router';
import { ExternalLink } from '../shared/ExternalLink';
import { Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { daysToEnd } from './ContractsScreen';
import { contractStatusLabel, renewalStateLabel, stepOf, type Contract, type PaymentRecord, type RenewalDecision, type RenewalNote } from './model';
import { useLoad } from '../shared/useLoad';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });

/** One contract: its term and value, the collection plan with payments, recording a payment, and the renewal. */
export function ContractDetailScreen({ id }: { id: string }) {
  const { data: contract, error } = useLoad(() => api<Contract>(`/api/v1/contracts/${id}`), [id]);
  const [saved, setSaved] = useState<MessageKey>();

  async function write(path: string, body: unknown, label: MessageKey, done: MessageKey) {
    await queueWrite({ method: 'POST', path: `/api/v1/contracts/${id}${path}`, body, label, userId: me.get()!.id });
    setSaved(done);
  }

  if (!contract) {
    return <Screen title={t('contract.title')}>{error ? <p class="error" role="alert">{error}</p> : <p>{t('loading')}</p>}</Screen>;
  }
  const c = contract;
  const plan = c.plan;
  const open = plan?.instalments.filter((i) => !i.paidOn) ?? [];
  const renewalOpen = (c.status === 'ACTIVE' || c.status === 'EXPIRED') && (c.renewalState === 'UPCOMING' || c.renewalState === 'IN_EVALUATION');
  return (
    <Screen title={`${c.number} · ${c.customerName}`}>
      <p class="chips">
        <span class="chip">{contractStatusLabel(c.status)}</span>
        <span class="chip">{renewalStateLabel(c.renewalState)}</span>
        {c.expiredUndecided && <span class="chip chip-warn">{t('contracts.expired')}</span>}
        {c.status === 'ACTIVE' && <span class={`chip${c.daysToEnd <= 30 ? ' chip-warn' : ''}`}>{daysToEnd(c.daysToEnd)}</span>}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t(saved)}</p>}
      <dl class="facts card">
        <dt>{t('contract.customer')}</dt>
        <dd><a href={`/customers/${c.customerId}`} onClick={followLink}>{c.customerName}</a></dd>
        <dt>{t('contract.value')}</dt><dd>{formatMoney(c.value, c.currency)}</dd>
        <dt>{t('contract.term')}</dt><dd>{day(c.startsOn)} – {day(c.endsOn)}</dd>
        {c.productLines.length > 0 && (<><dt>{t('contract.productLines')}</dt><dd>{c.productLines.join('、')}</dd></>)}
        {c.churnReason && (<><dt>{t('contract.churnReason')}</dt><dd>{c.churnReason}</dd></>)}
        {!!c.documents?.length && (<><dt>{t('contract.documents')}</dt><dd>{c.documents.map((d, i) => <Fragment key={i}>{i > 0 && ' '}<ExternalLink url={d.url}>{d.name}</ExternalLink></Fragment>)}</dd></>)}
      </dl>
      {c.successorId && <p><a href={`/contracts/${c.successorId}`} onClick={followLink} class="button secondary">{t('contract.successor')}</a></p>}

      <section class="card" aria-labelledby="plan-h">
        <h2 id="plan-h">{t('contract.plan')}</h2>
        {!plan || plan.instalments.length === 0 ? (
          <p class="muted">{t('contract.noPlan')}</p>
        ) : (
          <>
            <dl class="facts">
              <dt>{t('contract.planned')}</dt><dd>{formatMoney(plan.planned, c.currency)}</dd>
              {Number(plan.difference) !== 0 && (<><dt>{t('contract.difference')}</dt><dd class="error">{formatMoney(plan.difference, c.currency)}</dd></>)}
              <dt>{t('contract.collected')}</dt><dd>{formatMoney(plan.collected, c.currency)}</dd>
              <dt>{t('contract.outstanding')}</dt><dd>{formatMoney(plan.outstanding, c.currency)}</dd>
              {Number(plan.overdue) > 0 && (<><dt>{t('contract.overdue')}</dt><dd class="error">{formatMoney(plan.overdue, c.currency)}</dd></>)}
            </dl>
            <ol class="plain" data-testid="instalments">
              {plan.instalments.map((i) => (
                <li key={i.id} class={`card${i.overdue ? ' flag-warn' : i.paidOn ? ' flag-ok' : ''}`}>
                  <div class="between">
                    <strong>{t('contract.instalment', { n: i.position })}</strong>
                    <span>{formatMoney(i.amount, i.currency)}</span>
                  </div>
                  <p class="muted">
                    {i.paidOn ? t('contract.paidOn', { date: day(i.paidOn) }) : t('contract.due', { date: day(i.dueOn) })}
                    {' · '}{t('contract.collected')} {formatMoney(i.collected, i.currency)}
                  </p>
                  {i.overdue && <span class="chip chip-warn">{tn('today.daysOverdue', i.daysOverdue)}</span>}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      {open.length > 0 && c.status !== 'DRAFT' && (
        <section class="card" aria-labelledby="pay-h">
          <h2 id="pay-h">{t('contract.recordPayment')}</h2>
          <PaymentForm contract={c} onSubmit={(body) => void write('/payments', body, 'outbox.payment', 'contract.paymentSaved')} />
        </section>
      )}

      <section class="card" aria-labelledby="payments-h">
        <h2 id="payments-h">{t('contract.payments')}</h2>
        {!c.payments?.length ? (
          <p class="muted">{t('contract.noPayments')}</p>
        ) : (
          <ul class="plain" data-testid="payments">
            {c.payments.map((p) => (
              <li key={p.id} class="between">
                <span>{day(p.receivedOn)}{p.reference ? ` · ${p.reference}` : ''}</span>
                <strong>{formatMoney(p.amount, p.currency)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      {renewalOpen && (
        <section class="card" aria-labelledby="renewal-h">
          <h2 id="renewal-h">{t('contract.renewal')}</h2>
          <NoteForm onSubmit={(note) => void write('/renewal/notes', { note } satisfies RenewalNote, 'outbox.renewalNote', 'contract.noteSaved')} />
          <DecisionForm contract={c} onSubmit={(body) => void write('/renewal/decision', body, 'outbox.renewalDecision', 'contract.decisionSaved')} />
        </section>
      )}

      {!!c.alerts?.length && (
        <section aria-labelledby="alerts-h">
          <h2 id="alerts-h">{t('contract.alerts')}</h2>
          <ul class="plain">
            {c.alerts.map((a, i) => (
              <li key={i} class="muted">{day(a.firedAt.slice(0, 10))} · {t(`contract.alert.${a.kind}` as MessageKey, { days: a.windowDays ?? '' })}</li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}

function PaymentForm({ contract, onSubmit }: { contract: Contract; onSubmit: (body: PaymentRecord) => void }) {
  const open = contract.plan!.instalments.filter((i) => !i.paidOn);
  const [instalment, setInstalment] = useState(open[0].id);
  const chosen = open.find((i) => i.id === instalment) ?? open[0];
  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    onSubmit({
      instalmentId: chosen.id,
      amount: Number(String(form.get('amount')).trim()),
      currency: contract.currency,
      receivedOn: String(form.get('receivedOn')),
      reference: String(form.get('reference') ?? '').trim() || undefined,
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby="pay-h">
      <label for="pay-instalment">{t('contract.paymentInstalment')}</label>
      <select id="pay-instalment" name="instalmentId" value={chosen.id} onChange={(e) => setInstalment((e.currentTarget as HTMLSelectElement).value)}>
        {open.map((i) => (
          <option key={i.id} value={i.id}>{t('contract.instalment', { n: i.position })} · {t('contract.due', { date: day(i.dueOn) })} · {formatMoney(i.outstanding, i.currency)}</option>
        ))}
      </select>
      <label for="pay-amount">{t('contract.paymentAmount', { currency: contract.currency })}</label>
      <input id="pay-amount" name="amount" type="number" required min={stepOf(contract.currency)} step={stepOf(contract.currency)} max={chosen.outstanding}
        defaultValue={chosen.outstanding} aria-describedby="pay-hint" key={chosen.id} />
      <p id="pay-hint" class="muted">{t('contract.paymentAmountHint', { amount: formatMoney(chosen.outstanding, chosen.currency) })}</p>
      <label for="pay-on">{t('contract.receivedOn')}</label>
      <input id="pay-on" name="receivedOn" type="date" required max={dayFromToday(0)} defaultValue={dayFromToday(0)} />
      <label for="pay-ref">{t('contract.reference')}</label>
      <input id="pay-ref" name="reference" maxLength={120} />
      <div class="actions"><button type="submit" class="primary">{t('contract.paymentSave')}</button></div>
    </form>
  );
}

function NoteForm({ onSubmit }: { onSubmit: (note: string) => void }) {
  function submit(event: Event) {
    event.preventDefault();
    onSubmit(String(new FormData(event.currentTarget as HTMLFormElement).get('note')).trim());
  }
  return (
    <form onSubmit={submit} aria-label={t('contract.renewalNote')}>
      <label for="renewal-note">{t('contract.renewalNote')}</label>
      <textarea id="renewal-note" name="note" required maxLength={1000} rows={2} />
      <div class="actions"><button type="submit" class="secondary">{t('contract.saveNote')}</button></div>
    </form>
  );
}

function DecisionForm({ contract, onSubmit }: { contract: Contract; onSubmit: (body: RenewalDecision) => void }) {
  const [decision, setDecision] = useState<'RENEW' | 'CHURN'>('RENEW');
  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    onSubmit(decision === 'CHURN'
      ? { decision, reason: text('reason') }
      : { decision, successor: { number: text('number'), value: Number(text('value')), endsOn: text('endsOn') } });
  }
  const nextEnd = new Date(`${contract.endsOn}T12:00:00`);
  nextEnd.setFullYear(nextEnd.getFullYear() + 1);
  return (
    <form class="inline-form" onSubmit={submit} aria-labelledby="decide-h">
      <h3 id="decide-h">{t('contract.decide')}</h3>
      <fieldset>
        <legend class="visually-hidden">{t('contract.decide')}</legend>
        <label class="choice"><input type="radio" name="decision" value="RENEW" checked={decision === 'RENEW'} onChange={() => setDecision('RENEW')} />{t('contract.renew')}</label>
        <label class="choice"><input type="radio" name="decision" value="CHURN" checked={decision === 'CHURN'} onChange={() => setDecision('CHURN')} />{t('contract.churn')}</label>
      </fieldset>
      {decision === 'RENEW' ? (
        <>
          <label for="renew-number">{t('contract.newNumber')}</label>
          <input id="renew-number" name="number" required maxLength={60} />
          <label for="renew-value">{t('contract.newValue', { currency: contract.currency })}</label>
          <input id="renew-value" name="value" type="number" required min="0" step={stepOf(contract.currency)} defaultValue={contract.value} />
          <label for="renew-end">{t('contract.newEnd')}</label>
          <input id="renew-end" name="endsOn" type="date" required min={contract.endsOn} defaultValue={nextEnd.toISOString().slice(0, 10)} />
        </>
      ) : (
        <>
          <label for="churn-reason">{t('contract.churnReason')}</label>
          <input id="churn-reason" name="reason" required maxLength={300} />
        </>
      )}
      <div class="actions"><button type="submit" class="primary">{t('contract.decisionSave')}</button></div>
    </form>
  );
}
