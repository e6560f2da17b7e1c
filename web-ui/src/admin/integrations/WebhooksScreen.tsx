import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { t } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { followLink, navigate } from '../../platform/router';
import { Screen } from '../../shell/Screen';
import type { EndpointCreate, EventType, WebhookEndpoint, WithSecret } from '../common/model';
import { Note, SecretOnce, type Message } from '../common/Secret';
import { EndpointForm, type EndpointFields } from './EndpointForm';
import type { ListOf } from '../../api/types';

/** Webhook endpoints: the list with their health, and a new one (its signing secret shown once). */
export function WebhooksScreen() {
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>();
  const [types, setTypes] = useState<EventType[]>([]);
  const [created, setCreated] = useState<WithSecret>();
  const [message, setMessage] = useState<Message>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function load() {
    try {
      const [page, eventTypes] = await Promise.all([
        api<ListOf<'WebhookResource_list', WebhookEndpoint>>('/api/v1/webhooks/endpoints?limit=200'),
        api<ListOf<'WebhookResource_eventTypes', EventType>>('/api/v1/webhooks/event-types'),
      ]);
      setEndpoints(page.items);
      setTypes(eventTypes.items);
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => void load(), []);

  async function create(fields: EndpointFields) {
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      const body = { url: fields.url, description: fields.description || undefined, eventTypes: fields.eventTypes } satisfies EndpointCreate;
      setCreated(await api<WithSecret>('/api/v1/webhooks/endpoints', { method: 'POST', body }));
      setFormKey((k) => k + 1);
      await load();
    } catch (e) {
      setError(e);
      setMessage({ text: describeError(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('orgAdmin.webhooks')}>
      <p class="muted">{t('orgAdmin.webhooksIntro')}</p>
      {created && (
        <>
          <SecretOnce label={t('orgAdmin.signingSecret')} value={created.secret} onDone={() => navigate(`/admin/webhooks/${created.endpoint.id}`)} />
        </>
      )}
      <Note message={message} />
      {!endpoints ? (
        !message && <p role="status">{t('loading')}</p>
      ) : endpoints.length === 0 ? (
        <p class="muted">{t('orgAdmin.noEndpoints')}</p>
      ) : (
        <ul class="plain" aria-label={t('orgAdmin.webhooks')}>
          {endpoints.map((e) => (
            <li key={e.id} class={e.disabled || e.failingSince ? 'card flag-warn' : 'card'} data-testid="endpoint">
              <a class="title-link" href={`/admin/webhooks/${e.id}`} onClick={followLink}>{e.description || e.url}</a>
              <p class="muted"><code>{e.url}</code></p>
              <p class="chips">
                <span class={e.active ? 'chip' : 'chip chip-warn'}>{t(e.active ? 'orgAdmin.active' : 'orgAdmin.inactive')}</span>
                {e.failingSince && <span class="chip chip-warn">{t('orgAdmin.failing')}</span>}
                {e.eventTypes.map((type) => <span class="chip" key={type}>{type}</span>)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby="new-endpoint-h">
        <h2 id="new-endpoint-h">{t('orgAdmin.newEndpoint')}</h2>
        <EndpointForm key={formKey} types={types} error={error} busy={busy} submitLabel={t('orgAdmin.create')} onSubmit={(f) => void create(f)} />
      </section>
    </Screen>
  );
}
