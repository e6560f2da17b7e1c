import { useEffect, useState } from 'preact/hooks';
import { api, apiAnswer } from '../../api/client';
import { ApiError } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { followLink, navigate } from '../../platform/router';
import { Screen } from '../../shell/Screen';
import type { Delivery, DeliveryStatus, EndpointUpdate, EventType, Redelivery, WebhookEndpoint, WithSecret } from '../common/model';
import { Note, SecretOnce, type Message } from '../common/Secret';
import { EndpointForm, type EndpointFields } from './EndpointForm';
import type { ListOf } from '../../api/types';

const when = (iso?: string) => (iso ? formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' }) : '—');
const STATUSES: DeliveryStatus[] = ['FAILED', 'PENDING', 'DELIVERED'];

/** One webhook endpoint: its settings (If-Match), a new signing secret (shown once), removal, and its deliveries with redelivery. */
export function WebhookScreen({ id }: { id: string }) {
  const path = `/api/v1/webhooks/endpoints/${id}`;
  const [endpoint, setEndpoint] = useState<WebhookEndpoint>();
  const [etag, setEtag] = useState<string>();
  const [types, setTypes] = useState<EventType[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>();
  const [cursor, setCursor] = useState<string>();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [secret, setSecret] = useState<string>();
  const [message, setMessage] = useState<Message>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function loadEndpoint() {
    const [answer, eventTypes] = await Promise.all([apiAnswer<WebhookEndpoint>(path), api<ListOf<'WebhookResource_eventTypes', EventType>>('/api/v1/webhooks/event-types')]);
    setEndpoint(answer.data);
    setEtag(answer.etag);
    setTypes(eventTypes.items);
    setFormKey((k) => k + 1);
  }

  async function loadDeliveries(after?: string, filter = status) {
    const query = `limit=50${filter ? `&status=${filter}` : ''}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`;
    const page = await api<ListOf<'WebhookResource_deliveries', Delivery>>(`${path}/deliveries?${query}`);
    setDeliveries((list) => (after ? [...(list ?? []), ...page.items] : page.items));
    setCursor(page.nextCursor);
  }

  useEffect(() => {
    Promise.all([loadEndpoint(), loadDeliveries()]).catch((e) => setMessage({ text: describeError(e), error: true }));
  }, [id]);

  async function run(action: () => Promise<void>, done?: MessageKey) {
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      await action();
      if (done) setMessage({ text: t(done), error: false });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 412) {
        await loadEndpoint().catch(() => undefined);
        setMessage({ text: t('orgAdmin.stale'), error: true });
      } else {
        setMessage({ text: describeError(e), error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  const save = (fields: EndpointFields) =>
    run(async () => {
      const answer = await apiAnswer<WebhookEndpoint>(path, {
        method: 'PATCH',
        body: { url: fields.url, description: fields.description, eventTypes: fields.eventTypes, active: fields.active } satisfies EndpointUpdate,
        headers: etag ? { 'If-Match': etag } : {},
      });
      setEndpoint(answer.data);
      setEtag(answer.etag);
    }, 'orgAdmin.endpointSaved');

  const rotate = () => {
    if (!confirm(t('orgAdmin.rotateEndpointConfirm'))) return;
    void run(async () => {
      const answer = await api<WithSecret>(`${path}/rotate-secret`, { method: 'POST', body: { overlap: 'PT24H' } });
      setSecret(answer.secret);
      setEndpoint(answer.endpoint);
      setEtag(`"${answer.endpoint.version}"`);
    });
  };

  const remove = () => {
    if (!confirm(t('orgAdmin.deleteEndpointConfirm'))) return;
    void run(async () => {
      await api<void>(path, { method: 'DELETE' });
      navigate('/admin/webhooks');
    });
  };

  const redeliver = (delivery: Delivery) =>
    run(async () => {
      await api<void>(`${path}/redeliveries`, { method: 'POST', body: { deliveryId: delivery.id } satisfies Redelivery });
      await loadDeliveries();
    }, 'orgAdmin.redeliveryQueued');

  const filter = (next: DeliveryStatus | '') => {
    setStatus(next);
    void loadDeliveries(undefined, next).catch((e) => setMessage({ text: describeError(e), error: true }));
  };

  return (
    <Screen title={endpoint?.description || t('orgAdmin.endpoint')}>
      <p><a href="/admin/webhooks" onClick={followLink}>{t('orgAdmin.backToWebhooks')}</a></p>
      {secret && <SecretOnce label={t('orgAdmin.signingSecret')} value={secret} onDone={() => setSecret(undefined)} />}
      <Note message={message} />
      {endpoint && (
        <>
          {endpoint.disabled && (
            <p class="warning">{t('orgAdmin.disabledNotice', { at: when(endpoint.disabled.at), reason: endpoint.disabled.reason })}</p>
          )}
          {endpoint.failingSince && <p class="warning">{t('orgAdmin.failingSince', { at: when(endpoint.failingSince) })}</p>}
          {endpoint.previousSecretValidUntil && (
            <p class="muted">{t('orgAdmin.previousSecret', { at: when(endpoint.previousSecretValidUntil) })}</p>
          )}
          <section class="card" aria-labelledby="endpoint-h">
            <h2 id="endpoint-h">{t('orgAdmin.settings')}</h2>
            <EndpointForm key={formKey} types={types} endpoint={endpoint} error={error} busy={busy} submitLabel={t('orgAdmin.save')}
              onSubmit={(f) => void save(f)} />
            <div class="actions">
              <button type="button" class="secondary" disabled={busy} onClick={rotate}>{t('orgAdmin.rotate')}</button>
              <button type="button" class="secondary" disabled={busy} onClick={remove}>{t('orgAdmin.deleteEndpoint')}</button>
            </div>
          </section>
        </>
      )}

      <section aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">{t('orgAdmin.deliveries')}</h2>
        <label for="delivery-status">{t('orgAdmin.deliveryStatus')}</label>
        <select id="delivery-status" value={status} onChange={(e) => filter((e.currentTarget as HTMLSelectElement).value as DeliveryStatus | '')}>
          <option value="">{t('orgAdmin.allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`orgAdmin.status.${s}` as MessageKey)}</option>)}
        </select>
        {!deliveries ? (
          <p role="status">{t('loading')}</p>
        ) : deliveries.length === 0 ? (
          <p class="muted">{t('orgAdmin.noDeliveries')}</p>
        ) : (
          <ul class="plain" data-testid="deliveries">
            {deliveries.map((d) => (
              <li key={d.id} class={d.status === 'FAILED' ? 'card flag-warn' : 'card'} data-testid="delivery">
                <div class="between">
                  <code>{d.eventType}</code>
                  <span class={d.status === 'FAILED' ? 'chip chip-warn' : 'chip'} data-testid="delivery-status">
                    {t(`orgAdmin.status.${d.status}` as MessageKey)}
                  </span>
                </div>
                <dl class="facts">
                  <dt>{t('orgAdmin.occurredAt')}</dt>
                  <dd>{when(d.occurredAt)}</dd>
                  <dt>{t('orgAdmin.attempts')}</dt>
                  <dd>{d.attempts}</dd>
                  <dt>{t('orgAdmin.responseCode')}</dt>
                  <dd>{d.lastStatus ?? '—'}</dd>
                  <dt>{t('orgAdmin.lastAttempt')}</dt>
                  <dd>{when(d.lastAttemptAt)}</dd>
                  {d.lastError && <><dt>{t('orgAdmin.lastError')}</dt><dd>{d.lastError}</dd></>}
                  {d.nextAttemptAt && <><dt>{t('orgAdmin.nextAttempt')}</dt><dd>{when(d.nextAttemptAt)}</dd></>}
                </dl>
                {d.status !== 'PENDING' && (
                  <button type="button" class="secondary" disabled={busy} onClick={() => void redeliver(d)}>
                    {t('orgAdmin.redeliver')}<span class="visually-hidden"> · {d.eventType} {when(d.occurredAt)}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {cursor && <button type="button" class="secondary" onClick={() => void loadDeliveries(cursor)}>{t('orgAdmin.more')}</button>}
      </section>
    </Screen>
  );
}
