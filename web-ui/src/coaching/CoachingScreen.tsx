import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, OfflineError } from '../api/problem';
import { formatDate, formatRelativeTime } from '../i18n/format';
import { t, tn, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { followLink } from '../platform/router';
import type { Profile } from '../shared/profile';
import { readKey, writeKey } from '../platform/db';
import { Screen } from '../shell/Screen';
import { onSynced, queueWrite } from '../sync/sync';
import { loadPeople, nameOf, type Person } from '../team/people';
import { isoDay, KINDS, kindLabel, STATUSES, taskStatusLabel, type Assign, type Kind, type MentorChange, type NoteWrite, type Plan, type PlanCreate, type Task, type TaskProgress,
  type TaskReview, type TaskStatus } from './model';
import type { ListOf } from '../api/types';

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { month: 'short', day: 'numeric' });

/** Coaching: a rep's own tasks and onboarding plan; for managers their reps' tasks to assign, filter and review. */
export function CoachingScreen({ profile }: { profile: Profile }) {
  const manager = profile.role !== 'REP';
  const [people, setPeople] = useState<Person[]>([]);
  const [rep, setRep] = useState('');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [tasks, setTasks] = useState<Task[]>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<MessageKey>();
  /** When the list shown is the one kept on this phone (offline), the time it was fetched. */
  const [asOf, setAsOf] = useState<number>();
  const reps = people.filter((p) => p.role === 'REP' && p.id !== profile.id);
  const cacheKey = `coaching:${profile.id}`;

  async function load() {
    try {
      const query = new URLSearchParams({ limit: '200' });
      if (rep) query.set('repId', rep);
      if (status) query.set('status', status);
      const items = (await api<ListOf<'CoachingResource_list', Task>>(`/api/v1/coaching-tasks?${query}`)).items;
      setTasks(items);
      setAsOf(undefined);
      setError(undefined);
      // a rep's own list is kept on the phone for the field, where there may be no signal
      if (!manager) await writeKey(cacheKey, { items, fetchedAt: Date.now() });
    } catch (e) {
      const kept = e instanceof OfflineError && !manager ? await readKey<{ items: Task[]; fetchedAt: number }>(cacheKey) : undefined;
      if (kept) {
        setTasks((shown) => shown ?? kept.items);
        setAsOf(kept.fetchedAt);
      } else {
        setError(describeError(e));
      }
    }
  }
  useEffect(() => void load(), [rep, status]);
  useEffect(() => void loadPeople().then(setPeople, () => undefined), []);

  useEffect(() => onSynced(() => void load()), [rep, status]);

  /** Managers' writes (assign, review) go straight to the server, which answers at once. */
  async function send(path: string, body: unknown, done: MessageKey): Promise<boolean> {
    try {
      await api(path, { method: 'POST', body });
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

  /** A rep's progress and notes go through the outbox: made in the field, offline too, and sent once. */
  async function queue(path: string, body: unknown, done: MessageKey, label?: MessageKey): Promise<boolean> {
    await queueWrite({ method: 'POST', path, body, label: label ?? 'outbox.coachingNote', userId: profile.id });
    setSaved(done);
    setError(undefined);
    return true;
  }
  const write: Write = manager ? send : queue;

  const mine = tasks?.filter((x) => x.repId === profile.id) ?? [];
  const mentoring = tasks?.filter((x) => x.repId !== profile.id) ?? [];
  return (
    <Screen title={t(manager ? 'coaching.teamTitle' : 'coaching.title')}>
      {asOf !== undefined && <p class="warning" data-testid="as-of">{t('coaching.asOf', { time: formatRelativeTime(asOf) })}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t(saved)}</p>}
      {manager ? (
        <>
          <AssignForm reps={reps} onAssign={(body) => write('/api/v1/coaching-tasks', body, 'coaching.assigned')} />
          <a href="/team/onboarding" onClick={followLink} class="button secondary">{t('team.onboarding')}</a>
          <div class="row">
            <div>
              <label for="filter-rep">{t('coaching.filterRep')}</label>
              <select id="filter-rep" value={rep} onChange={(e) => setRep((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{t('coaching.allReps')}</option>
                {reps.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
              </select>
            </div>
            <div>
              <label for="filter-status">{t('coaching.filterStatus')}</label>
              <select id="filter-status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as TaskStatus)}>
                <option value="">{t('coaching.allStatuses')}</option>
                {STATUSES.map((s) => <option key={s} value={s}>{taskStatusLabel(s)}</option>)}
              </select>
            </div>
          </div>
          {rep && <OnboardingPlan repId={rep} people={people} manager onChanged={() => void load()} />}
        </>
      ) : (
        <OnboardingPlan repId={profile.id} people={people} manager={false} onChanged={() => void load()} />
      )}
      {!tasks ? (
        !error && <p role="status">{t('loading')}</p>
      ) : (
        <section aria-labelledby="tasks-h">
          <h2 id="tasks-h">{t(manager ? 'coaching.tasks' : 'coaching.myTasks')}</h2>
          {(manager ? tasks : mine).length === 0 && <p class="muted">{t('coaching.none')}</p>}
          <ul class="plain" data-testid="coaching-tasks">
            {(manager ? tasks : mine).map((task) => (
              <TaskCard key={task.id} task={task} people={people} mode={manager ? 'manager' : 'rep'} write={write} />
            ))}
          </ul>
          {!manager && mentoring.length > 0 && (
            <>
              <h2>{t('coaching.mentoring')}</h2>
              <ul class="plain">
                {mentoring.map((task) => <TaskCard key={task.id} task={task} people={people} mode="mentor" write={write} />)}
              </ul>
            </>
          )}
        </section>
      )}
    </Screen>
  );
}

type Write = (path: string, body: unknown, done: MessageKey, label?: MessageKey) => Promise<boolean>;

function TaskCard({ task, people, mode, write }: { task: Task; people: Person[]; mode: 'rep' | 'manager' | 'mentor'; write: Write }) {
  const [notes, setNotes] = useState<Task['notes']>();
  const closed = task.status === 'DONE' || task.status === 'CANCELLED';
  const path = `/api/v1/coaching-tasks/${task.id}`;
  // offline the notes shown stay (a note just queued appears once it is sent)
  const loadNotes = () => api<Task>(path).then((full) => setNotes(full.notes ?? []), () => setNotes((shown) => shown ?? []));
  return (
    <li class={`card${task.overdue ? ' flag-warn' : task.status === 'DONE' ? ' flag-ok' : ''}`} data-testid="coaching-task">
      <div class="between">
        <strong>{task.title}</strong>
        <span class="chip">{taskStatusLabel(task.status)}</span>
      </div>
      <p class="chips">
        <span class="chip">{kindLabel(task.kind)}</span>
        {mode !== 'rep' && <span class="chip">{nameOf(people, task.repId)}</span>}
        <span class={`chip${task.overdue ? ' chip-warn' : ''}`}>{t('coaching.due', { date: day(task.dueOn) })}</span>
        {task.overdue && <span class="chip chip-warn">{t('coaching.overdue')}</span>}
      </p>
      <p>{task.goal}</p>
      {task.progress && <p class="muted">{t('coaching.progressIs', { text: task.progress })}</p>}
      {task.outcome && <p class="muted">{t('coaching.outcomeIs', { text: task.outcome })}</p>}
      {mode === 'rep' && !closed && (
        <StatusForm id={`progress-${task.id}`} statuses={['IN_PROGRESS', 'DONE']} textName="progress" textLabel={t('coaching.progress')}
          submitLabel={t('coaching.saveProgress')} initial={task.progress}
          onSubmit={(status, text) => write(`${path}/progress`, { status, progress: text } satisfies TaskProgress, 'coaching.progressSaved', 'outbox.coachingProgress')} />
      )}
      {mode === 'manager' && task.status !== 'CANCELLED' && (
        <details>
          <summary class="summary">{t('coaching.review')}</summary>
          <StatusForm id={`review-${task.id}`} statuses={['DONE', 'IN_PROGRESS', 'CANCELLED']} textName="outcome" textLabel={t('coaching.outcome')}
            submitLabel={t('coaching.saveReview')} initial={task.outcome} required
            onSubmit={(status, text) => write(`${path}/review`, { status, outcome: text } satisfies TaskReview, 'coaching.reviewed')} />
        </details>
      )}
      <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && notes === undefined && void loadNotes()}>
        <summary class="summary">{t('coaching.notes')}</summary>
        {notes === undefined ? <p role="status">{t('loading')}</p> : (
          <>
            {notes.length === 0 && <p class="muted">{t('coaching.noNotes')}</p>}
            <ul class="plain">
              {notes.map((n) => (
                <li key={n.id}><span class="muted">{formatDate(new Date(n.at), { dateStyle: 'medium' })} · {nameOf(people, n.authorId)}</span><br />{n.body}</li>
              ))}
            </ul>
            <form class="inline-form" onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget as HTMLFormElement;
              const body = String(new FormData(form).get('body')).trim();
              void write(`${path}/notes`, { body } satisfies NoteWrite, 'coaching.noteSaved').then((ok) => ok && (form.reset(), void loadNotes()));
            }}>
              <label for={`note-${task.id}`}>{t('coaching.note')}</label>
              <textarea id={`note-${task.id}`} name="body" required maxLength={4000} rows={2} />
              <div class="actions"><button type="submit" class="secondary">{t('coaching.addNote')}</button></div>
            </form>
          </>
        )}
      </details>
    </li>
  );
}

function StatusForm({ id, statuses, textName, textLabel, submitLabel, initial, required, onSubmit }: {
  id: string; statuses: TaskStatus[]; textName: string; textLabel: string; submitLabel: string; initial?: string; required?: boolean;
  onSubmit: (status: TaskStatus, text: string) => Promise<boolean>;
}) {
  return (
    <form class="inline-form" onSubmit={(e) => {
      e.preventDefault();
      const form = new FormData(e.currentTarget as HTMLFormElement);
      void onSubmit(form.get('status') as TaskStatus, String(form.get(textName) ?? '').trim());
    }}>
      <label for={`${id}-status`}>{t('coaching.status')}</label>
      <select id={`${id}-status`} name="status">
        {statuses.map((s) => <option key={s} value={s}>{taskStatusLabel(s)}</option>)}
      </select>
      <label for={`${id}-text`}>{textLabel}</label>
      <textarea id={`${id}-text`} name={textName} required={required} maxLength={required ? 2000 : 4000} rows={3} defaultValue={initial ?? ''} />
      <div class="actions"><button type="submit" class="primary">{submitLabel}</button></div>
    </form>
  );
}

function AssignForm({ reps, onAssign }: { reps: Person[]; onAssign: (body: Assign) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" class="primary" onClick={() => setOpen(true)}>{t('coaching.assign')}</button>;
  return (
    <section class="card" aria-labelledby="assign-h">
      <h2 id="assign-h">{t('coaching.assignTitle')}</h2>
      <form onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget as HTMLFormElement);
        const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
        void onAssign({
          repId: text('repId') ?? '', kind: text('kind') as Kind, title: text('title') ?? '', goal: text('goal') ?? '', dueOn: text('dueOn') ?? '',
          mentorId: text('mentorId'),
        })
          .then((ok) => ok && setOpen(false));
      }}>
        <label for="assign-rep">{t('coaching.rep')}</label>
        <select id="assign-rep" name="repId" required>
          {reps.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
        <label for="assign-kind">{t('coaching.kind')}</label>
        <select id="assign-kind" name="kind">
          {KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
        </select>
        <label for="assign-title">{t('coaching.taskTitle')}</label>
        <input id="assign-title" name="title" required maxLength={200} />
        <label for="assign-goal">{t('coaching.goal')}</label>
        <textarea id="assign-goal" name="goal" required maxLength={2000} rows={3} />
        <label for="assign-due">{t('coaching.dueOn')}</label>
        <input id="assign-due" name="dueOn" type="date" required min={isoDay(0)} defaultValue={isoDay(14)} />
        <label for="assign-mentor">{t('coaching.mentorOptional')}</label>
        <select id="assign-mentor" name="mentorId">
          <option value="">{t('coaching.noMentor')}</option>
          {reps.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
        <div class="actions">
          <button type="submit" class="primary">{t('coaching.assignSave')}</button>
          <button type="button" class="secondary" onClick={() => setOpen(false)}>{t('cancel')}</button>
        </div>
      </form>
    </section>
  );
}

/** A rep's onboarding plan: mentor, progress and its milestones; managers make one or change the mentor. */
function OnboardingPlan({ repId, people, manager, onChanged }: { repId: string; people: Person[]; manager: boolean; onChanged: () => void }) {
  const [plan, setPlan] = useState<Plan | null>();
  const [error, setError] = useState<string>();
  const mentors = people.filter((p) => p.id !== repId && p.role !== 'ADMIN');

  async function load() {
    try {
      setPlan(await api<Plan>(`/api/v1/onboarding-plans/${repId}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setPlan(null);
      else setError(describeError(e));
    }
  }
  useEffect(() => {
    setPlan(undefined);
    void load();
  }, [repId]);

  async function send(method: 'POST' | 'PUT', path: string, body: unknown) {
    try {
      setPlan(await api<Plan>(path, { method, body }));
      setError(undefined);
      onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  }

  if (plan === undefined) return error ? <p class="error" role="alert">{error}</p> : null;
  if (plan === null) {
    if (!manager) return null;
    return (
      <section class="card" aria-labelledby="onb-h">
        <h2 id="onb-h">{t('onboarding.title')}</h2>
        <p class="muted">{t('onboarding.none')}</p>
        {error && <p class="error" role="alert">{error}</p>}
        <form onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget as HTMLFormElement);
          void send('POST', '/api/v1/onboarding-plans', { repId, mentorId: String(form.get('mentorId')) || undefined, startsOn: String(form.get('startsOn')) || undefined } satisfies PlanCreate);
        }}>
          <MentorSelect id="onb-mentor" mentors={mentors} />
          <label for="onb-start">{t('onboarding.startsOn')}</label>
          <input id="onb-start" name="startsOn" type="date" defaultValue={isoDay(0)} />
          <div class="actions"><button type="submit" class="secondary">{t('onboarding.create')}</button></div>
        </form>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="onb-h" data-testid="onboarding-plan">
      <h2 id="onb-h">{t('onboarding.title')}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      <dl class="facts">
        <dt>{t('onboarding.mentor')}</dt><dd>{!plan.mentorId ? t('coaching.noMentor') : plan.mentorName ?? nameOf(people, plan.mentorId)}</dd>
        <dt>{t('onboarding.startsOn')}</dt><dd>{day(plan.startsOn)}</dd>
        <dt>{t('onboarding.progress')}</dt><dd>{tn('onboarding.done', plan.done)} / {plan.total}</dd>
      </dl>
      <div class="bar" aria-hidden="true"><span style={{ width: `${plan.total ? Math.round((plan.done / plan.total) * 100) : 0}%` }} /></div>
      <ol class="plain milestones">
        {plan.milestones.map((m) => (
          <li key={m.id} class="between">
            <span>{day(m.dueOn)} · {m.title}</span>
            <span class={`chip${m.overdue ? ' chip-warn' : ''}`}>{taskStatusLabel(m.status)}</span>
          </li>
        ))}
      </ol>
      {manager && (
        <form class="inline-form" onSubmit={(e) => {
          e.preventDefault();
          void send('PUT', `/api/v1/onboarding-plans/${repId}/mentor`, { mentorId: String(new FormData(e.currentTarget as HTMLFormElement).get('mentorId')) } satisfies MentorChange);
        }}>
          <MentorSelect id="onb-new-mentor" mentors={mentors} required />
          <div class="actions"><button type="submit" class="secondary">{t('onboarding.setMentor')}</button></div>
        </form>
      )}
    </section>
  );
}

function MentorSelect({ id, mentors, required }: { id: string; mentors: Person[]; required?: boolean }) {
  return (
    <>
      <label for={id}>{t('onboarding.mentor')}</label>
      <select id={id} name="mentorId" required={required}>
        {!required && <option value="">{t('coaching.noMentor')}</option>}
        {mentors.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
      </select>
    </>
  );
}
