import { useState } from 'preact/hooks';
import { ApiError } from '../../api/problem';
import { t } from '../../i18n/i18n';
import type { EventType, WebhookEndpoint } from '../common/model';

export interface EndpointFields {
  url: string;
  description: string;
  eventTypes: string[];
  active: boolean;
}

/** The URL, description, event types and (when editing) whether it is active; the server's field errors beside their fields. */
export function EndpointForm({ types, endpoint, error, busy, submitLabel, onSubmit }: {
  types: EventType[];
  endpoint?: WebhookEndpoint;
  error?: unknown;
  busy: boolean;
  submitLabel: string;
  onSubmit: (fields: EndpointFields) => void;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set(endpoint?.eventTypes ?? []));
  const [noTypes, setNoTypes] = useState(false);
  const fields = error instanceof ApiError ? new Set(error.problem.errors?.map((e) => e.field.replace(/\[.*$/, '')) ?? []) : new Set<string>();
  const id = endpoint ? `wh-${endpoint.id}` : 'wh-new';

  function submit(event: Event) {
    event.preventDefault();
    if (chosen.size === 0) {
      setNoTypes(true);
      return;
    }
    setNoTypes(false);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    onSubmit({
      url: String(data.get('url')).trim(),
      description: String(data.get('description') ?? '').trim(),
      eventTypes: types.map((type) => type.type).filter((type) => chosen.has(type)),
      active: endpoint ? data.get('active') === 'on' : true,
    });
  }

  const toggle = (type: string, on: boolean) =>
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });

  return (
    <form onSubmit={submit} data-testid="endpoint-form">
      <label for={`${id}-url`}>{t('orgAdmin.url')}</label>
      <input id={`${id}-url`} name="url" type="url" required maxLength={2000} defaultValue={endpoint?.url} placeholder="https://"
        aria-invalid={fields.has('url') || undefined} aria-describedby={fields.has('url') ? `${id}-url-error` : undefined} />
      {fields.has('url') && <p id={`${id}-url-error`} class="field-error">{t('orgAdmin.urlInvalid')}</p>}
      <label for={`${id}-description`}>{t('orgAdmin.description')}</label>
      <input id={`${id}-description`} name="description" maxLength={500} defaultValue={endpoint?.description} />
      <fieldset aria-describedby={noTypes || fields.has('eventTypes') ? `${id}-types-error` : undefined}>
        <legend>{t('orgAdmin.eventTypes')}</legend>
        {types.map((type) => (
          <label class="choice" key={type.type}>
            <input type="checkbox" checked={chosen.has(type.type)} onChange={(e) => toggle(type.type, (e.currentTarget as HTMLInputElement).checked)} />
            <span><code>{type.type}</code> <span class="muted">{type.description}</span></span>
          </label>
        ))}
        {(noTypes || fields.has('eventTypes')) && <p id={`${id}-types-error`} class="field-error">{t('orgAdmin.eventTypesInvalid')}</p>}
      </fieldset>
      {endpoint && (
        <label class="choice">
          <input type="checkbox" name="active" defaultChecked={endpoint.active} />
          {t('orgAdmin.endpointActive')}
        </label>
      )}
      <button type="submit" class="primary" disabled={busy}>{submitLabel}</button>
    </form>
  );
}
