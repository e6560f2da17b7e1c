import { t, type MessageKey } from '../i18n/i18n';
import type { Always, Body, Item, Refine, Returns, Schema } from '../api/types';
import { userToday } from '../targets/model';

/** Coaching as the API shows it (the coaching operations' answers in the OpenAPI document). */
export type Kind = Schema<'Kind'>;
export type TaskStatus = NonNullable<Task['status']>;
export const KINDS: Kind[] = ['SHADOW_VISIT', 'SKILL_TRAINING', 'IMPROVEMENT_PLAN', 'MENTOR_SESSION', 'ONBOARDING_MILESTONE'];
export const STATUSES: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export type Note = Always<Returns<'CoachingResource_note'>, 'id' | 'authorId' | 'at' | 'body'>;
export type Task = Refine<
  Always<Returns<'CoachingResource_get'>, 'id' | 'repId' | 'teamId' | 'kind' | 'title' | 'goal' | 'dueOn' | 'status' | 'overdue' | 'version'>,
  { notes?: Note[] }
>;
/** An onboarding plan; `mentorName` is given so a rep, who may not list other users, sees who mentors them. */
export type Plan = Refine<Always<Returns<'CoachingResource_plan'>, 'id' | 'repId' | 'startsOn' | 'done' | 'total'>, { milestones: Task[] }>;
/** A milestone of the onboarding template: days from a new rep's first day (day 0). */
export type Milestone = Always<Item<Returns<'CoachingResource_template'>>, 'dayOffset' | 'kind' | 'title' | 'goal'>;

/** What the coaching screens send. */
export type Assign = Body<'CoachingResource_assign'>;
export type TaskChange = Body<'CoachingResource_change'>;
export type TaskProgress = Body<'CoachingResource_progress'>;
export type TaskReview = Body<'CoachingResource_review'>;
export type NoteWrite = Body<'CoachingResource_note'>;
export type PlanCreate = Body<'CoachingResource_createPlan'>;
export type MentorChange = Body<'CoachingResource_setMentor'>;
export type TemplateWrite = Body<'CoachingResource_replaceTemplate'>;
export type ProposalAccept = Body<'CoachingResource_accept'>;
export type ProposalDismiss = Body<'CoachingResource_dismiss'>;
export const MAX_MILESTONES = 30;
export const MAX_DAY = 90;

/** Milestones by day; those on the same day keep their order (a stable sort). */
export function byDay<T extends { dayOffset: number }>(list: T[]): T[] {
  return list.map((m, i) => [m, i] as const).sort(([a, i], [b, j]) => a.dayOffset - b.dayOffset || i - j).map(([m]) => m);
}

/**
 * Field errors of a template save (`milestones[2].title`) by milestone index and field;
 * errors about the list as a whole (`milestones`) under index -1.
 */
export function templateErrors(errors: { field: string }[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const { field } of errors) {
    const m = /^milestones(?:\[(\d+)\](?:\.(\w+))?)?/.exec(field);
    const index = m?.[1] === undefined ? -1 : Number(m[1]);
    const name = m?.[2] ?? (index === -1 ? 'milestones' : 'milestone');
    if (!out.has(index)) out.set(index, new Set());
    out.get(index)!.add(name);
  }
  return out;
}

export type Rule = Schema<'Rule'>;
export type Proposal = Refine<
  Always<Schema<'Proposal'>, 'id' | 'repId' | 'teamId' | 'rule' | 'kind' | 'windowStart' | 'windowEnd' | 'status'>,
  { evidence: Record<string, unknown> }
>;

export const kindLabel = (k: Kind) => t(`coaching.kind.${k}` as MessageKey);
export const taskStatusLabel = (s: TaskStatus) => t(`coaching.status.${s}` as MessageKey);
export const ruleLabel = (r: Rule) => t(`proposal.rule.${r}` as MessageKey);

/** One line of a proposal's evidence: the rep's number and, where the diagnosis compared it, the team's median. */
export interface EvidenceRow {
  key: string;
  value: unknown;
  median?: unknown;
  rate: boolean;
}

const MEDIAN = /^teamMedian(.)(.*)$/;

/**
 * The evidence as rows: each of the rep's numbers beside the team's median of the same measure
 * (`teamMedianConversionRate` beside `conversionRate`), medians without a counterpart on their own,
 * lists (missed months) left to their own view.
 */
export function evidenceRows(evidence: Record<string, unknown>): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  const paired = new Set<string>();
  for (const [key, value] of Object.entries(evidence)) {
    if (Array.isArray(value) || MEDIAN.test(key)) continue;
    const medianKey = `teamMedian${key[0].toUpperCase()}${key.slice(1)}`;
    if (medianKey in evidence) paired.add(medianKey);
    rows.push({ key, value, median: evidence[medianKey], rate: /Rate$|^threshold$/.test(key) });
  }
  for (const [key, value] of Object.entries(evidence)) {
    const m = MEDIAN.exec(key);
    if (m && !paired.has(key)) rows.push({ key: `${m[1].toLowerCase()}${m[2]}`, value: undefined, median: value, rate: /Rate$/.test(key) });
  }
  return rows;
}

/** A missed month in a TARGET_MISSED proposal's evidence. */
export interface MissedMonth {
  month: string;
  metric: string;
  target: number | string;
  actual?: number | string | null;
}

/** The day as yyyy-mm-dd, days from today (in the user's time zone). */
export function isoDay(offsetDays = 0, from = userToday()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offsetDays, 12);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
