import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import { t, type MessageKey } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { Screen } from '../../shell/Screen';
import type { CadenceChange, CadencePolicy } from '../common/model';
import { Note, type Message } from '../common/Secret';
import type { ListOf } from '../../api/types';

const label = (p: CadencePolicy) => {
  const key = `${p.kind === 'GRADE' ? 'grade' : 'stage'}.${p.code}` as MessageKey;
  const text = t(key);
  return text === key ? p.code : text;
};

/**
 * The cadence policy: how often customers of each grade and stage must be touched and when an overdue
 * touch counts as missed. Each rule is saved on its own with its version (If-Match), so a colleague's
 * change in between is not overwritten.
 */
export function CadenceScreen() {
  const [policies, setPolicies] = useState<CadencePolicy[]>();
  const [message, setMessage] = useState<Message>();

  async function load() {
    try {
      setPolicies((await api<ListOf<'CadenceResource_list', CadencePolicy>>('/api/v1/cadence-policies')).items);
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => void load(), []);

  const kinds: CadencePolicy['kind'][] = ['GRADE', 'STAGE'];
  return (
    <Screen title={t('orgAdmin.cadence')}>
      <p class="muted">{t('orgAdmin.cadenceIntro')}</p>
      <Note message={message} />
      {!policies ? (
        !message && <p role="status">{t('loading')}</p>
      ) : (
        kinds.map((kind) => (
          <section key={kind} aria-labelledby={`cadence-${kind}`}>
            <h2 id={`cadence-${kind}`}>{t(`orgAdmin.cadence.${kind}` as MessageKey)}</h2>
            {policies.filter((p) => p.kind === kind).map((p) => (
              <PolicyForm key={`${p.kind}:${p.code}:${p.version}`} policy={p} onSaved={(next, note) => {
                setPolicies((list) => list?.map((q) => (q.kind === next.kind && q.code === next.code ? next : q)));
                setMessage(note);
              }} onStale={async () => {
                await load();
                setMessage({ text: t('orgAdmin.stale'), error: true });
              }} />
            ))}
          </section>
        ))
      )}
    </Screen>
  );
}

function PolicyForm({ policy, onSaved, onStale }: {
  policy: CadencePolicy;
  onSaved: (policy: CadencePolicy, message: Message) => void;
  onStale: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Set<string>>(new Set());
  const id = `cadence-${policy.kind}-${policy.code}`;
  const name = label(policy);

  async function save(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setFields(new Set());
    try {
      const saved = await api<CadencePolicy>(`/api/v1/cadence-policies/${policy.kind}/${encodeURIComponent(policy.code)}`, {
        method: 'PUT',
        body: { intervalDays: Number(data.get('intervalDays')), missAfterDays: Number(data.get('missAfterDays')) } satisfies CadenceChange,
        headers: { 'If-Match': `"${policy.version}"` },
      });
      onSaved(saved, { text: t('orgAdmin.cadenceSaved', { name }), error: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await onStale();
      } else {
        if (e instanceof ApiError) setFields(new Set(e.problem.errors?.map((f) => f.field) ?? []));
        onSaved(policy, { text: describeError(e), error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (fields.has(field) ? { 'aria-invalid': true } : {});
  return (
    <form class="card" onSubmit={save} data-testid="cadence-policy" aria-label={name}>
      <strong>{name}</strong>
      <div class="row">
        <div>
          <label for={`${id}-interval`}>{t('orgAdmin.intervalDays')}</label>
          <input id={`${id}-interval`} name="intervalDays" type="number" inputMode="numeric" min={1} max={365} required
            defaultValue={String(policy.intervalDays)} {...invalid('intervalDays')} />
        </div>
        <div>
          <label for={`${id}-miss`}>{t('orgAdmin.missAfterDays')}</label>
          <input id={`${id}-miss`} name="missAfterDays" type="number" inputMode="numeric" min={0} max={60} required
            defaultValue={String(policy.missAfterDays)} {...invalid('missAfterDays')} />
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="secondary" disabled={busy}>
          {t('orgAdmin.save')}<span class="visually-hidden"> · {name}</span>
        </button>
      </div>
    </form>
  );
}
