import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';

/** A secret the server shows only once: in full, with a copy button and the warning that it will not be shown again. */
export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // no clipboard (an insecure context or a refusal): the value stays selectable on screen
      setCopied(false);
    }
  }
  return (
    <section class="card flag-warn" role="alert" aria-labelledby="secret-h" data-testid="secret">
      <h2 id="secret-h">{label}</h2>
      <p>{t('orgAdmin.secretOnce')}</p>
      <p><code class="secret" data-testid="secret-value">{value}</code></p>
      <p role="status" class="status">{copied ? t('orgAdmin.copied') : ''}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void copy()}>{t('orgAdmin.copy')}</button>
        <button type="button" class="primary" onClick={onDone}>{t('orgAdmin.secretSaved')}</button>
      </div>
    </section>
  );
}

/** A message after an action: a status, or an alert when it went wrong. */
export function Note({ message }: { message?: { text: string; error: boolean } }) {
  if (!message) return null;
  return <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>{message.text}</p>;
}

export type Message = { text: string; error: boolean } | undefined;
