import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { me } from '../../shared/profile';
import { currentQuery, navigate } from '../../platform/router';
import { useStore } from '../../platform/store';
import { loadPeople, nameOf, type Person } from '../../team/people';
import { Screen } from '../../shell/Screen';
import { changesOf, endOfDay, startOfDay, type AuditEntry } from '../common/model';
import { Note, type Message } from '../common/Secret';
import type { ListOf } from '../../api/types';

const FILTERS = ['actorId', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const ENTITY_TYPES = ['customer', 'user', 'team', 'cadence_policy', 'reminder_settings', 'webhook_endpoint', 'expense_budget'];

function filtersOf(query: string): Filters {
  const params = new URLSearchParams(query);
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
}

/** The API query of the filters: dates are whole local days (from the start of "from" to the end of "to"). */
function apiQuery(filters: Filters, cursor?: string): string {
  const params = new URLSearchParams({ limit: '50' });
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.entityType) params.set('entityType', filters.entityType.trim());
  if (filters.entityId) params.set('entityId', filters.entityId.trim());
  const from = startOfDay(filters.from);
  const to = endOfDay(filters.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/**
 * The audit log: who changed what and when, oldest first, each entry's fields before and after. The
 * filters live in the address, so a filtered log is a link; "show more" follows the cursor.
 */
export function AuditScreen() {
  const query = useStore(currentQuery);
  const filters = filtersOf(query);
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [cursor, setCursor] = useState<string>();
  const [people, setPeople] = useState<Person[]>([]);
  const [message, setMessage] = useState<Message>();

  async function load(after?: string) {
    setMessage(undefined);
    try {
      const page = await api<ListOf<'AuditResource_list', AuditEntry>>(`/api/v1/audit?${apiQuery(filters, after)}`);
      setEntries((list) => (after ? [...(list ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setEntries([]);
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => void load(), [query]);
  useEffect(() => {
    if (me.get()) void loadPeople().then(setPeople).catch(() => setPeople([]));
  }, []);

  function apply(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? '').trim();
      if (value) params.set(f, value);
    }
    const search = params.toString();
    navigate(`/admin/audit${search ? `?${search}` : ''}`);
  }

  const who = (id?: string) => (id ? (people.some((p) => p.id === id) ? nameOf(people, id) : id) : t('orgAdmin.system'));
  return (
    <Screen title={t('orgAdmin.audit')}>
      <form class="card" onSubmit={apply} key={query} aria-label={t('orgAdmin.filters')} data-testid="audit-filters">
        <div class="row">
          <div>
            <label for="audit-actor">{t('orgAdmin.who')}</label>
            <select id="audit-actor" name="actorId">
              <option value="">{t('orgAdmin.anyone')}</option>
              {people.map((p) => <option key={p.id} value={p.id} selected={p.id === filters.actorId}>{p.displayName}</option>)}
            </select>
          </div>
          <div>
            <label for="audit-type">{t('orgAdmin.entityType')}</label>
            <input id="audit-type" name="entityType" list="audit-types" defaultValue={filters.entityType} maxLength={60} />
            <datalist id="audit-types">
              {ENTITY_TYPES.map((type) => <option key={type} value={type} />)}
            </datalist>
          </div>
          <div>
            <label for="audit-id">{t('orgAdmin.entityId')}</label>
            <input id="audit-id" name="entityId" defaultValue={filters.entityId} maxLength={200} />
          </div>
        </div>
        <div class="row">
          <div>
            <label for="audit-from">{t('orgAdmin.from')}</label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from} />
          </div>
          <div>
            <label for="audit-to">{t('orgAdmin.to')}</label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="primary">{t('orgAdmin.applyFilters')}</button>
          <button type="button" class="secondary" onClick={() => navigate('/admin/audit')}>{t('orgAdmin.clearFilters')}</button>
        </div>
      </form>
      <Note message={message} />
      {!entries ? (
        <p role="status">{t('loading')}</p>
      ) : entries.length === 0 ? (
        !message && <p class="muted">{t('orgAdmin.noEntries')}</p>
      ) : (
        <ol class="plain" data-testid="audit-entries">
          {entries.map((e) => {
            const changes = changesOf(e);
            return (
              <li key={e.id} class="card audit-entry" data-testid="audit-entry">
                <div class="between">
                  <code>{e.action}</code>
                  <time dateTime={e.at} class="muted">{formatDate(new Date(e.at), { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                </div>
                <dl class="facts">
                  <dt>{t('orgAdmin.who')}</dt>
                  <dd>{who(e.actorId)}</dd>
                  <dt>{t('orgAdmin.record')}</dt>
                  <dd><code>{e.entityType}</code> {e.entityId}</dd>
                </dl>
                {changes.length > 0 && (
                  <div>
                    <table class="audit-changes">
                      <caption class="visually-hidden">{t('orgAdmin.changes')}</caption>
                      <thead>
                        <tr><th scope="col">{t('orgAdmin.field')}</th><th scope="col">{t('orgAdmin.before')}</th><th scope="col">{t('orgAdmin.after')}</th></tr>
                      </thead>
                      <tbody>
                        {changes.map((c) => (
                          <tr key={c.field}>
                            <th scope="row">{c.field}</th>
                            <td>{c.before ?? '—'}</td>
                            <td>{c.after ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {cursor && <button type="button" class="secondary" onClick={() => void load(cursor)}>{t('orgAdmin.more')}</button>}
    </Screen>
  );
}
