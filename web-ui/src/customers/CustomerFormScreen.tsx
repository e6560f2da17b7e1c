import { useEffect, useState } from 'preact/hooks';
import { api, apiAnswer } from '../api/client';
import { ApiError } from '../api/problem';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { navigate } from '../platform/router';
import { Screen } from '../shell/Screen';
import { DECISION_ROLES, GRADES, STAGES, gradeLabel, stageLabel, type Contact, type Customer, type CustomerCreate, type CustomerUpdate, type DecisionRole, type Grade, type Stage } from './model';

/** Create (no id) or change a customer; server field errors show next to their fields; a concurrent change is caught by If-Match. */
export function CustomerFormScreen({ id }: { id?: string }) {
  const [customer, setCustomer] = useState<Customer>();
  const [etag, setEtag] = useState<string>();
  const [contacts, setContacts] = useState<Contact[]>([{ name: '' }]);
  const [stage, setStage] = useState<Stage>('INITIAL_INTENT');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  async function load() {
    if (!id) return;
    try {
      const answer = await apiAnswer<Customer>(`/api/v1/customers/${id}`);
      setCustomer(answer.data);
      setEtag(answer.etag);
      setStage(answer.data.stage);
      setContacts(answer.data.contacts?.length ? answer.data.contacts : [{ name: '' }]);
      setGeneration((g) => g + 1);
    } catch (e) {
      setMessage(describeError(e));
    }
  }
  useEffect(() => void load(), [id]);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = {
      name: text('name'),
      grade: text('grade') as Grade,
      stage: text('stage') as Stage,
      lostReason: text('stage') === 'LOST' ? text('lostReason') || undefined : undefined,
      industry: text('industry') || undefined,
      address: text('address') || undefined,
      tags: text('tags').split(/[,，;；]/).map((s) => s.trim()).filter(Boolean),
      contacts: contacts
        .map((_contact, i) => ({
          name: text(`contact-${i}-name`),
          title: text(`contact-${i}-title`) || undefined,
          phone: text(`contact-${i}-phone`) || undefined,
          email: text(`contact-${i}-email`) || undefined,
          decisionRole: (text(`contact-${i}-role`) || undefined) as DecisionRole | undefined,
        }))
        .filter((c) => c.name || c.phone || c.email),
    } satisfies CustomerCreate & CustomerUpdate;
    setBusy(true);
    setErrors({});
    setMessage(undefined);
    try {
      const saved = id
        ? await api<Customer>(`/api/v1/customers/${id}`, { method: 'PATCH', body, headers: etag ? { 'If-Match': etag } : {} })
        : await api<Customer>('/api/v1/customers', { method: 'POST', body });
      navigate(`/customers/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setMessage(t('customerForm.stale'));
        await load();
      } else if (e instanceof ApiError && e.problem.errors?.length) {
        // the server's messages are English; the UI says it in the user's language next to the field
        setErrors(Object.fromEntries(e.problem.errors.map((f) => [f.field, t('customerForm.invalidField')])));
        setMessage(t('customerForm.fix'));
      } else {
        setMessage(describeError(e));
      }
    } finally {
      setBusy(false);
    }
  }

  if (id && !customer) {
    return <Screen title={t('customerForm.editTitle')}>{message ? <p class="error" role="alert">{message}</p> : <p>{t('loading')}</p>}</Screen>;
  }

  /** A field's server error ("name", "contacts[0].email"). */
  const errorFor = (field: string) => errors[field];
  const field = (name: string, label: MessageKey, props: Record<string, unknown> = {}) => {
    const error = errorFor(name);
    return (
      <>
        <label for={`c-${name}`}>{t(label)}</label>
        <input id={`c-${name}`} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `c-${name}-error` : undefined} {...props} />
        {error && <p id={`c-${name}-error`} class="field-error">{error}</p>}
      </>
    );
  };

  return (
    <Screen title={id ? t('customerForm.editTitle') : t('customerForm.newTitle')}>
      <form onSubmit={submit} key={generation} noValidate={false}>
        {message && <p class="error" role="alert">{message}</p>}
        <div class="card">
          {field('name', 'customerForm.name', { required: true, maxLength: 200, defaultValue: customer?.name })}
          <label for="c-grade">{t('customers.grade')}</label>
          <select id="c-grade" name="grade" required>
            {GRADES.map((g) => <option key={g} value={g} selected={g === (customer?.grade ?? 'B')}>{gradeLabel(g)}</option>)}
          </select>
          <label for="c-stage">{t('customers.stage')}</label>
          <select id="c-stage" name="stage" value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as Stage)}>
            {STAGES.map((s) => <option key={s} value={s}>{stageLabel(s)}</option>)}
          </select>
          {stage === 'LOST' && field('lostReason', 'customer.lostReason', { maxLength: 300, required: true, defaultValue: customer?.lostReason })}
          {field('industry', 'customer.industry', { maxLength: 80, defaultValue: customer?.industry })}
          {field('address', 'customer.address', { maxLength: 300, defaultValue: customer?.address })}
          {field('tags', 'customerForm.tags', { defaultValue: customer?.tags?.join(', ') })}
        </div>
        <fieldset class="card">
          <legend>{t('customer.contacts')}</legend>
          {contacts.map((c, i) => (
            <div key={i} class={i ? 'inline-form' : undefined}>
              <label for={`contact-${i}-name`}>{t('customerForm.contactName')}</label>
              <input id={`contact-${i}-name`} name={`contact-${i}-name`} maxLength={120} defaultValue={c.name} />
              {errorFor(`contacts[${i}].name`) && <p class="field-error">{errorFor(`contacts[${i}].name`)}</p>}
              <label for={`contact-${i}-title`}>{t('customerForm.contactTitle')}</label>
              <input id={`contact-${i}-title`} name={`contact-${i}-title`} maxLength={120} defaultValue={c.title ?? undefined} />
              <label for={`contact-${i}-phone`}>{t('me.phone')}</label>
              <input id={`contact-${i}-phone`} name={`contact-${i}-phone`} type="tel" maxLength={40} defaultValue={c.phone ?? undefined} />
              <label for={`contact-${i}-email`}>{t('me.email')}</label>
              <input id={`contact-${i}-email`} name={`contact-${i}-email`} type="email" maxLength={254} defaultValue={c.email ?? undefined} />
              {errorFor(`contacts[${i}].email`) && <p class="field-error">{errorFor(`contacts[${i}].email`)}</p>}
              <label for={`contact-${i}-role`}>{t('customerForm.decisionRole')}</label>
              <select id={`contact-${i}-role`} name={`contact-${i}-role`}>
                {DECISION_ROLES.map((r) => (
                  <option key={r} value={r} selected={r === (c.decisionRole ?? 'OTHER')}>{t(`role.contact.${r}` as MessageKey)}</option>
                ))}
              </select>
            </div>
          ))}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setContacts([...contacts, { name: '' }])}>{t('customerForm.addContact')}</button>
          </div>
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>{busy ? t('loading') : t('me.save')}</button>
      </form>
    </Screen>
  );
}
