import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { PeriodPicker } from '../kpi/Widgets';
import type { Profile } from '../shared/profile';
import { Screen } from '../shell/Screen';
import { loadPeople, loadTeams, nameOf, type Person, type Team } from '../team/people';
import {
  balance, childLevel, formatValue, isMoney, levelLabel, METRICS, metricLabel, periodChoices, userToday, roots, statusLabel,
  type Decimal, type Level, type Metric, type Target, type TargetCreate, type TargetReturn, type TargetSubmit, type TargetUpdate,
} from './model';
import type { ListOf } from '../api/types';

interface Names {
  people: Person[];
  teams: Team[];
}

/** The target tree of a period and metric: organisation → team → rep, with sums, remainders, drafts and approval. */
export function TargetPlanScreen({ profile }: { profile: Profile }) {
  const [period, setPeriod] = useState(periodChoices(userToday())[0]);
  const [metric, setMetric] = useState<Metric>('EFFECTIVE_VISITS');
  const [trees, setTrees] = useState<Target[]>();
  const [names, setNames] = useState<Names>({ people: [], teams: [] });
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<MessageKey>();

  async function load() {
    try {
      const list = await api<ListOf<'TargetResource_list', Target>>(`/api/v1/targets?period=${period}&metric=${metric}&limit=200`);
      setTrees(await Promise.all(roots(list.items).map((root) => api<Target>(`/api/v1/targets/${root.id}/tree`))));
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => void load(), [period, metric]);
  useEffect(() => {
    void Promise.all([loadPeople(), loadTeams(profile)]).then(([people, teams]) => setNames({ people, teams }), (e) => setError(describeError(e)));
  }, []);

  /** Runs one write, says what happened and reloads the tree. */
  async function write(path: string, method: 'POST' | 'PATCH', body: unknown, done: MessageKey): Promise<boolean> {
    try {
      await api(path, { method, body });
      setSaved(done);
      setError(undefined);
      await load();
      return true;
    } catch (e) {
      setSaved(undefined);
      setError(describeError(e));
      return false;
    }
  }

  return (
    <Screen title={t('plan.title')}>
      <div class="row">
        <div><PeriodPicker id="plan-period" value={period} onChange={setPeriod} /></div>
        <div>
          <label for="plan-metric">{t('plan.metric')}</label>
          <select id="plan-metric" value={metric} onChange={(e) => setMetric((e.currentTarget as HTMLSelectElement).value as Metric)}>
            {METRICS.map((m) => <option key={m} value={m}>{metricLabel(m)}</option>)}
          </select>
        </div>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t(saved)}</p>}
      {!trees ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <>
          {trees.length === 0 && <p class="muted">{t('plan.empty')}</p>}
          <ul class="plain tree" data-testid="target-tree">
            {trees.map((root) => <Node key={root.id} node={root} names={names} profile={profile} write={write} />)}
          </ul>
          <NewRoot profile={profile} period={period} metric={metric} teams={names.teams}
            onCreate={(body) => write('/api/v1/targets', 'POST', body, 'plan.created')} />
        </>
      )}
    </Screen>
  );
}

type Write = (path: string, method: 'POST' | 'PATCH', body: unknown, done: MessageKey) => Promise<boolean>;

function subjectName(node: Target, names: Names): string {
  if (node.level === 'ORGANISATION') return t('target.level.ORGANISATION');
  if (node.level === 'TEAM') return nameOf(names.teams, node.teamId);
  return nameOf(names.people, node.userId);
}

/** One node of the tree: its numbers, what its children add up to, and what the caller may do with it. */
function Node({ node, names, profile, write }: { node: Target; names: Names; profile: Profile; write: Write }) {
  const [open, setOpen] = useState<'edit' | 'return' | 'child' | 'submit'>();
  const name = subjectName(node, names);
  const b = balance(node);
  const editable = node.status === 'DRAFT' || node.status === 'RETURNED';
  const manages = profile.role !== 'REP';
  const reviewable = node.status === 'SUBMITTED' && node.submittedBy !== profile.id && manages;
  const below = childLevel(node.level);
  const value = (v: Decimal) => formatValue(v, node.metric, node.currency);
  const path = `/api/v1/targets/${node.id}`;
  const close = (ok: boolean) => ok && setOpen(undefined);
  const submit = () => (b.state === 'remainder' && !node.remainderNote ? setOpen('submit') : void write(`${path}/submit`, 'POST', {} satisfies TargetSubmit, 'plan.submittedOne').then(close));

  return (
    <li>
      <div class={`card target-node${node.status === 'RETURNED' ? ' flag-warn' : node.status === 'APPROVED' ? ' flag-ok' : ''}`} data-testid="target-node">
        <div class="between">
          <strong>{levelLabel(node.level)} · {name}</strong>
          <span class="chip">{statusLabel(node.status)}</span>
        </div>
        <p class="lead">{value(node.value)}</p>
        {b.state !== 'leaf' && (
          <p class={b.state === 'balanced' ? 'muted' : b.state === 'over' ? 'error' : 'warning'}>
            {t('plan.childrenSum', { sum: value(b.sum) })} · {b.state === 'balanced' ? t('plan.balanced') : t('plan.remainder', { remainder: value(b.remainder) })}
          </p>
        )}
        {node.remainderNote && <p class="muted">{t('plan.remainderWhy', { note: node.remainderNote })}</p>}
        {node.reviewComment && <p class="warning">{t('targets.returnedWith', { comment: node.reviewComment })}</p>}
        <div class="actions">
          {editable && manages && <button type="button" class="secondary small" aria-label={`${t('plan.edit')} · ${name}`} onClick={() => setOpen('edit')}>{t('plan.edit')}</button>}
          {editable && <button type="button" class="secondary small" aria-label={`${t('plan.submit')} · ${name}`} onClick={submit}>{t('plan.submit')}</button>}
          {reviewable && <button type="button" class="primary small" aria-label={`${t('plan.approve')} · ${name}`}
            onClick={() => void write(`${path}/approve`, 'POST', undefined, 'plan.approved')}>{t('plan.approve')}</button>}
          {reviewable && <button type="button" class="secondary small" aria-label={`${t('plan.return')} · ${name}`} onClick={() => setOpen('return')}>{t('plan.return')}</button>}
          {below && manages && <button type="button" class="secondary small" aria-label={`${t('plan.addChild')} · ${name}`} onClick={() => setOpen('child')}>{t('plan.addChild')}</button>}
        </div>
        {open === 'edit' && (
          <TextForm id={`edit-${node.id}`} onCancel={() => setOpen(undefined)} submitLabel={t('plan.saveDraft')}
            fields={[{ name: 'value', label: t('plan.value'), type: 'number', value: String(node.value), step: isMoney(node.metric) ? '0.01' : '1' },
              { name: 'remainderNote', label: t('plan.remainderNote'), value: node.remainderNote ?? '', optional: true }]}
            onSubmit={(f) => void write(path, 'PATCH', { value: Number(f.value), remainderNote: f.remainderNote, version: node.version } satisfies TargetUpdate, 'plan.savedOne').then(close)} />
        )}
        {open === 'submit' && (
          <TextForm id={`submit-${node.id}`} onCancel={() => setOpen(undefined)} submitLabel={t('plan.submit')}
            fields={[{ name: 'remainderNote', label: t('plan.justify', { remainder: value(b.remainder) }), value: '' }]}
            onSubmit={(f) => void write(`${path}/submit`, 'POST', { remainderNote: f.remainderNote } satisfies TargetSubmit, 'plan.submittedOne').then(close)} />
        )}
        {open === 'return' && (
          <TextForm id={`return-${node.id}`} onCancel={() => setOpen(undefined)} submitLabel={t('plan.returnSend')}
            fields={[{ name: 'comment', label: t('plan.returnComment'), value: '', area: true }]}
            onSubmit={(f) => void write(`${path}/return`, 'POST', { comment: f.comment } satisfies TargetReturn, 'plan.returned').then(close)} />
        )}
        {open === 'child' && below && (
          <ChildForm node={node} level={below} names={names} onCancel={() => setOpen(undefined)}
            onCreate={(body) => void write('/api/v1/targets', 'POST', body, 'plan.created').then(close)} />
        )}
      </div>
      {!!node.children?.length && (
        <ul class="plain tree">
          {node.children.map((child) => <Node key={child.id} node={child} names={names} profile={profile} write={write} />)}
        </ul>
      )}
    </li>
  );
}

interface Field {
  name: string;
  label: string;
  value: string;
  type?: 'number' | 'text';
  step?: string;
  optional?: boolean;
  area?: boolean;
}

/** A small form of text and number fields. */
function TextForm({ id, fields, submitLabel, onSubmit, onCancel }: {
  id: string; fields: Field[]; submitLabel: string; onSubmit: (values: Record<string, string>) => void; onCancel: () => void;
}) {
  return (
    <form class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget as HTMLFormElement);
      onSubmit(Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? '').trim()])));
    }}>
      {fields.map((f) => (
        <div key={f.name}>
          <label for={`${id}-${f.name}`}>{f.label}</label>
          {f.area ? <textarea id={`${id}-${f.name}`} name={f.name} required={!f.optional} maxLength={1000} rows={2} defaultValue={f.value} />
            : f.type === 'number' ? <input id={`${id}-${f.name}`} name={f.name} type="number" step={f.step} min="0" required={!f.optional} defaultValue={f.value} />
              : <input id={`${id}-${f.name}`} name={f.name} required={!f.optional} maxLength={1000} defaultValue={f.value} />}
        </div>
      ))}
      <div class="actions">
        <button type="submit" class="primary">{submitLabel}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** A child one level down: a team under the organisation; a rep (or a sub-team) under a team. */
function ChildForm({ node, level, names, onCreate, onCancel }: {
  node: Target; level: Level; names: Names; onCreate: (body: TargetCreate) => void; onCancel: () => void;
}) {
  const taken = new Set((node.children ?? []).map((c) => c.userId ?? c.teamId));
  const teams = names.teams.filter((team) => !taken.has(team.id) && (node.level === 'ORGANISATION' || team.parentId === node.teamId));
  const reps = level === 'REP' ? names.people.filter((p) => p.role === 'REP' && p.teamId === node.teamId && !taken.has(p.id)) : [];
  const id = `child-${node.id}`;
  const b = balance(node);
  return (
    <form class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget as HTMLFormElement);
      const [kind, subject] = String(form.get('subject')).split(':');
      onCreate({
        parentId: node.id, period: node.period, metric: node.metric, currency: node.currency,
        level: kind === 'rep' ? 'REP' : 'TEAM', teamId: kind === 'team' ? subject : undefined, userId: kind === 'rep' ? subject : undefined,
        value: Number(String(form.get('value')).trim()),
      });
    }}>
      <label for={`${id}-subject`}>{t('plan.childFor')}</label>
      <select id={`${id}-subject`} name="subject" required>
        {reps.map((p) => <option key={p.id} value={`rep:${p.id}`}>{p.displayName}</option>)}
        {teams.map((team) => <option key={team.id} value={`team:${team.id}`}>{team.name}</option>)}
      </select>
      {reps.length + teams.length === 0 && <p class="muted">{t('plan.noneLeft')}</p>}
      <label for={`${id}-value`}>{t('plan.value')}</label>
      <input id={`${id}-value`} name="value" type="number" required min="0" step={isMoney(node.metric) ? '0.01' : '1'}
        defaultValue={Number(b.remainder) > 0 ? b.remainder : ''} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} class="muted">{t('plan.left', { value: formatValue(b.remainder, node.metric, node.currency) })}</p>
      <div class="actions">
        <button type="submit" class="primary">{t('plan.createChild')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** A new tree: the organisation's (directors and admins) or a team's when nothing above it is planned. */
function NewRoot({ profile, period, metric, teams, onCreate }: {
  profile: Profile; period: string; metric: Metric; teams: Team[]; onCreate: (body: TargetCreate) => Promise<boolean>;
}) {
  const [show, setShow] = useState(false);
  const org = profile.role === 'ADMIN' || profile.role === 'DIRECTOR';
  if (!show) return <button type="button" class="secondary" onClick={() => setShow(true)}>{t('plan.newRoot')}</button>;
  return (
    <section class="card" aria-labelledby="new-root-h">
      <h2 id="new-root-h">{t('plan.newRootTitle', { metric: metricLabel(metric) })}</h2>
      <form onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget as HTMLFormElement);
        const subject = String(form.get('subject'));
        void onCreate({
          period, metric, level: subject === 'org' ? 'ORGANISATION' : 'TEAM', teamId: subject === 'org' ? undefined : subject,
          value: Number(String(form.get('value')).trim()), currency: isMoney(metric) ? String(form.get('currency')).trim().toUpperCase() : undefined,
        }).then((ok) => ok && setShow(false));
      }}>
        <label for="root-subject">{t('plan.childFor')}</label>
        <select id="root-subject" name="subject" required>
          {org && <option value="org">{t('target.level.ORGANISATION')}</option>}
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
        <label for="root-value">{t('plan.value')}</label>
        <input id="root-value" name="value" type="number" required min="0" step={isMoney(metric) ? '0.01' : '1'} />
        {isMoney(metric) && (<>
          <label for="root-currency">{t('deal.currency')}</label>
          <input id="root-currency" name="currency" required defaultValue="CNY" pattern="[A-Za-z]{3}" maxLength={3} />
        </>)}
        <div class="actions">
          <button type="submit" class="primary">{t('plan.createRoot')}</button>
          <button type="button" class="secondary" onClick={() => setShow(false)}>{t('cancel')}</button>
        </div>
      </form>
    </section>
  );
}
