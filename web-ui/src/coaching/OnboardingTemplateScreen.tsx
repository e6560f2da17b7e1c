import { useEffect, useRef, useState } from 'preact/hooks';
import { apiAnswer } from '../api/client';
import { ApiError } from '../api/problem';
import { t, tn, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { useStore } from '../platform/store';
import { Screen } from '../shell/Screen';
import { syncState } from '../sync/sync';
import { byDay, KINDS, kindLabel, MAX_DAY, MAX_MILESTONES, templateErrors, type Kind, type Milestone, type TemplateWrite } from './model';
import type { ListOf } from '../api/types';

/** A milestone being edited: day as typed, and a key that stays with it while the list is sorted. */
interface Row {
  key: number;
  day: string;
  kind: Kind;
  title: string;
  goal: string;
}

const FIELD_ERRORS: Record<string, MessageKey> = {
  dayOffset: 'template.dayInvalid',
  title: 'template.titleInvalid',
  goal: 'template.goalInvalid',
};

const dayOf = (row: Row) => (row.day.trim() === '' ? Number.NaN : Number(row.day));
/** Rows by day; a day not yet filled in goes last. */
const sortRows = (rows: Row[]) =>
  byDay(rows.map((row) => ({ row, dayOffset: Number.isNaN(dayOf(row)) ? MAX_DAY + 1 : dayOf(row) }))).map(({ row }) => row);

/**
 * The onboarding template: the milestones each new rep's plan is made from, by day from their
 * first day. Admins edit and save the whole template (online only: it replaces the template at
 * once, so it does not wait in the outbox); directors and managers read it.
 */
export function OnboardingTemplateScreen({ profile }: { profile: Profile }) {
  const admin = profile.role === 'ADMIN';
  const { online } = useStore(syncState);
  const [saved, setSaved] = useState<Milestone[]>();
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Map<number, Set<string>>>(new Map());
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  /** The version being edited: a save made on an older copy than the server's is refused (412). */
  const [etag, setEtag] = useState<string>();
  const nextKey = useRef(0);
  const focusKey = useRef<number | undefined>(undefined);

  const toRows = (list: Milestone[]) =>
    byDay(list).map((m) => ({ key: nextKey.current++, day: String(m.dayOffset), kind: m.kind, title: m.title, goal: m.goal }));

  async function load() {
    try {
      const { data: { items: list }, etag: version } = await apiAnswer<ListOf<'CoachingResource_template', Milestone>>('/api/v1/onboarding/milestones');
      setSaved(byDay(list));
      setRows(toRows(list));
      setEtag(version);
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => void load(), []);
  useEffect(() => {
    if (focusKey.current === undefined) return;
    document.getElementById(`m-${focusKey.current}-title`)?.focus();
    focusKey.current = undefined;
  });

  const change = (key: number, patch: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  /** A changed day puts the milestone in its place by day (on commit, not while typing). */
  const resort = () => setRows(sortRows);

  function add() {
    const last = rows.length ? dayOf(rows[rows.length - 1]) : 0;
    const row = { key: nextKey.current++, day: String(Number.isNaN(last) ? 0 : Math.min(last + 1, MAX_DAY)), kind: 'ONBOARDING_MILESTONE' as Kind, title: '', goal: '' };
    focusKey.current = row.key;
    setRows([...rows, row]);
  }

  async function save(e: Event) {
    e.preventDefault();
    const sorted = sortRows(rows);
    setRows(sorted);
    setErrors(new Map());
    setMessage(undefined);
    setBusy(true);
    try {
      const body = { milestones: sorted.map((r) => ({ dayOffset: dayOf(r), kind: r.kind, title: r.title, goal: r.goal })) } satisfies TemplateWrite;
      const { data: { items: list }, etag: version } = await apiAnswer<ListOf<'CoachingResource_replaceTemplate', Milestone>>('/api/v1/onboarding/milestones',
        { method: 'PUT', body, headers: etag ? { 'If-Match': etag } : {} });
      setSaved(byDay(list));
      setRows(toRows(list));
      setEtag(version);
      setMessage({ text: t('template.saved'), error: false });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        // the server names each field (milestones[2].title); the user reads it in their language beside the field
        const found = templateErrors(err.problem.errors);
        setErrors(new Map([...found].map(([index, fields]) => [index === -1 ? -1 : sorted[index]?.key ?? -1, fields])));
        setMessage({ text: t(found.has(-1) ? 'template.emptyInvalid' : 'template.fix'), error: true });
      } else {
        setMessage({ text: describeError(err), error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  const status = message && (
    <p class={message.error ? 'error' : 'status'} role={message.error ? 'alert' : 'status'}>{message.text}</p>
  );
  return (
    <Screen title={t('template.title')}>
      <p class="muted">{t('template.intro')}</p>
      {!saved ? (
        status ?? <p role="status">{t('loading')}</p>
      ) : !admin ? (
        <section aria-labelledby="template-h">
          <h2 id="template-h">{tn('template.count', saved.length)}</h2>
          <p class="muted">{t('template.readOnly')}</p>
          <ol class="plain" data-testid="template">
            {saved.map((m) => (
              <li key={m.id} class="card" data-testid="milestone">
                <div class="between">
                  <strong>{m.title}</strong>
                  <span class="chip">{t('template.day', { n: m.dayOffset })}</span>
                </div>
                <p class="chips"><span class="chip">{kindLabel(m.kind)}</span></p>
                <p>{m.goal}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <form onSubmit={save} data-testid="template">
          {status}
          {!online && <p class="status" role="status">{t('template.offline')}</p>}
          {rows.map((row, i) => (
            <MilestoneFields key={row.key} row={row} n={i + 1} errors={errors.get(row.key)} onChange={(patch) => change(row.key, patch)}
              onDayCommitted={resort} onRemove={() => setRows(rows.filter((r) => r.key !== row.key))} />
          ))}
          <div class="actions">
            <button type="button" class="secondary" onClick={add} disabled={rows.length >= MAX_MILESTONES}>{t('template.add')}</button>
            <button type="submit" class="primary" disabled={busy || !online}>{t(busy ? 'template.saving' : 'template.save')}</button>
          </div>
        </form>
      )}
    </Screen>
  );
}

function MilestoneFields({ row, n, errors, onChange, onDayCommitted, onRemove }: {
  row: Row; n: number; errors?: Set<string>; onChange: (patch: Partial<Row>) => void; onDayCommitted: () => void; onRemove: () => void;
}) {
  const id = `m-${row.key}`;
  const legend = t('template.milestone', { n });
  const error = (field: string) => {
    if (!errors?.has(field) && !(field === 'title' && errors?.has('milestone'))) return undefined;
    return t(FIELD_ERRORS[field] ?? 'template.invalid');
  };
  const described = (field: string) => (error(field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  const fieldError = (field: string) => error(field) && <p id={`${id}-${field}-error`} class="field-error">{error(field)}</p>;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <fieldset class="card" data-testid="milestone">
      <legend>{legend}</legend>
      <label for={`${id}-day`}>{t('template.dayOffset')}</label>
      <input id={`${id}-day`} type="number" inputMode="numeric" min={0} max={MAX_DAY} step={1} required value={row.day}
        onInput={(e) => onChange({ day: value(e) })} onChange={onDayCommitted} {...described('dayOffset')} />
      {fieldError('dayOffset')}
      <label for={`${id}-kind`}>{t('coaching.kind')}</label>
      <select id={`${id}-kind`} value={row.kind} onChange={(e) => onChange({ kind: value(e) as Kind })} {...described('kind')}>
        {KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
      </select>
      {fieldError('kind')}
      <label for={`${id}-title`}>{t('coaching.taskTitle')}</label>
      <input id={`${id}-title`} required maxLength={200} value={row.title} onInput={(e) => onChange({ title: value(e) })} {...described('title')} />
      {fieldError('title')}
      <label for={`${id}-goal`}>{t('coaching.goal')}</label>
      <textarea id={`${id}-goal`} required maxLength={2000} rows={2} value={row.goal} onInput={(e) => onChange({ goal: value(e) })} {...described('goal')} />
      {fieldError('goal')}
      <div class="actions">
        <button type="button" class="secondary" onClick={onRemove}>
          {t('template.remove')}<span class="visually-hidden"> · {legend}</span>
        </button>
      </div>
    </fieldset>
  );
}
