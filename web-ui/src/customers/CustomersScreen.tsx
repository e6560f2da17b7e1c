import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate } from '../i18n/format';
import { t, tn, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { currentQuery, followLink, navigate } from '../platform/router';
import { useStore } from '../platform/store';
import { Screen } from '../shell/Screen';
import { GRADES, STAGES, gradeLabel, stageLabel, type CustomerSummary } from './model';
import type { ListOf } from '../api/types';

const SORTS = ['CREATED', 'NAME', 'NEXT_DUE', 'LAST_TOUCHED'] as const;
const FILTERS = ['q', 'grade', 'stage', 'overdue', 'notTouchedDays', 'sort', 'ownerId', 'neglected'] as const;

/** The customer list: search (any language), filters and sort live in the address, so a link can open a filtered list. */
export function CustomersScreen() {
  const query = useStore(currentQuery);
  const params = new URLSearchParams(query);
  const [items, setItems] = useState<CustomerSummary[]>();
  const [next, setNext] = useState<string | null>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);

  async function load(cursor?: string) {
    const mine = ++generation.current;
    const request = new URLSearchParams();
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) request.set(name, value);
    }
    request.set('limit', '30');
    if (cursor) request.set('cursor', cursor);
    setBusy(true);
    try {
      const page = await api<ListOf<'CustomerResource_list', CustomerSummary>>(`/api/v1/customers?${request}`);
      if (mine !== generation.current) return;
      setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
      setNext(page.nextCursor ?? null);
      setError(undefined);
    } catch (e) {
      if (mine === generation.current) setError(describeError(e));
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }

  useEffect(() => {
    setItems(undefined);
    void load();
  }, [query]);

  function apply(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      // ownerId and neglected come from a link (Team), not from the form: they stay until cleared
      const fromLink = name === 'ownerId' || name === 'neglected';
      const value = String((fromLink ? params.get(name) : form.get(name)) ?? '').trim();
      if (value && !(name === 'overdue' && value !== 'true')) next.set(name, value);
    }
    navigate(`/customers${next.size ? `?${next}` : ''}`, true);
  }

  return (
    <Screen title={t('customers.title')}>
      <div class="between">
        <a href="/customers/new" onClick={followLink} class="button secondary">
          {t('customers.new')}
        </a>
      </div>
      <form role="search" class="card" onSubmit={apply} key={query}>
        <label for="q">{t('customers.search')}</label>
        <input id="q" name="q" type="search" defaultValue={params.get('q') ?? ''} maxLength={100} />
        <details open={[...params.keys()].some((k) => k !== 'q')}>
          <summary class="summary">{t('customers.filters')}</summary>
          <div class="row">
            <div>
              <label for="f-grade">{t('customers.grade')}</label>
              <select id="f-grade" name="grade">
                <option value="">{t('customers.any')}</option>
                {GRADES.map((g) => <option key={g} value={g} selected={g === params.get('grade')}>{gradeLabel(g)}</option>)}
              </select>
            </div>
            <div>
              <label for="f-stage">{t('customers.stage')}</label>
              <select id="f-stage" name="stage">
                <option value="">{t('customers.any')}</option>
                {STAGES.map((s) => <option key={s} value={s} selected={s === params.get('stage')}>{stageLabel(s)}</option>)}
              </select>
            </div>
            <div>
              <label for="f-untouched">{t('customers.notTouchedDays')}</label>
              <input id="f-untouched" name="notTouchedDays" type="number" min={1} max={3650} defaultValue={params.get('notTouchedDays') ?? ''} />
            </div>
            <div>
              <label for="f-sort">{t('customers.sort')}</label>
              <select id="f-sort" name="sort">
                {SORTS.map((s) => (
                  <option key={s} value={s} selected={s === (params.get('sort') ?? 'CREATED')}>{t(`customers.sort.${s}` as MessageKey)}</option>
                ))}
              </select>
            </div>
          </div>
          <label class="choice">
            <input type="checkbox" name="overdue" value="true" defaultChecked={params.get('overdue') === 'true'} />
            {t('customers.onlyOverdue')}
          </label>
        </details>
        <div class="actions">
          <button type="submit" class="primary">{t('customers.apply')}</button>
          {query && (
            <a href="/customers" onClick={followLink} class="button secondary">{t('customers.clear')}</a>
          )}
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {items === undefined ? (
        !error && <p>{t('loading')}</p>
      ) : items.length === 0 ? (
        <p class="card" role="status">{t('customers.none')}</p>
      ) : (
        <ul class="plain" data-testid="customer-list" aria-busy={busy}>
          {items.map((c) => (
            <li key={c.id} class={`card${c.overdue ? ' agenda-item overdue' : ''}`}>
              <a href={`/customers/${c.id}`} onClick={followLink} class="title-link">{c.name}</a>
              <p class="chips">
                <span class="chip">{gradeLabel(c.grade)}</span>
                <span class="chip">{stageLabel(c.stage)}</span>
                <span class="chip">{t('customers.health', { score: c.healthScore })}</span>
                {c.overdue && <span class="chip chip-warn">{t('customers.overdue')}</span>}
              </p>
              <p class="muted">
                {[c.ownerName, c.industry, c.nextDueOn && t('customers.nextDue', { date: formatDate(new Date(`${c.nextDueOn}T12:00:00`), { month: 'short', day: 'numeric' }) })]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="secondary" disabled={busy} onClick={() => void load(next)}>
          {busy ? t('loading') : t('customers.more')}
        </button>
      )}
      {items && <p class="muted" role="status">{tn('customers.shown', items.length)}</p>}
    </Screen>
  );
}
