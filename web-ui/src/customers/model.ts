import { t, type MessageKey } from '../i18n/i18n';

/** Customer data as the API shows it (see CustomerView, CustomerSummary, TimelineEntry). */
export type Grade = 'A' | 'B' | 'C';
export type Stage = 'INITIAL_INTENT' | 'HIGH_INTENT' | 'KEY_ACCOUNT' | 'WON' | 'LOST';
export type Channel = 'VISIT' | 'CALL' | 'EMAIL' | 'MESSAGE';
export type DecisionRole = 'DECISION_MAKER' | 'INFLUENCER' | 'USER' | 'GATEKEEPER' | 'OTHER';

export const GRADES: Grade[] = ['A', 'B', 'C'];
export const STAGES: Stage[] = ['INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON', 'LOST'];
export const CHANNELS: Channel[] = ['VISIT', 'CALL', 'EMAIL', 'MESSAGE'];
export const DECISION_ROLES: DecisionRole[] = ['DECISION_MAKER', 'INFLUENCER', 'USER', 'GATEKEEPER', 'OTHER'];

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface CustomerSummary {
  id: string;
  name: string;
  grade: Grade;
  stage: Stage;
  ownerId: string;
  ownerName?: string;
  tags?: string[];
  industry?: string;
  lastTouchedAt?: string;
  cadenceDays: number;
  nextDueOn?: string;
  overdue: boolean;
  healthScore: number;
}

export interface Contact {
  id?: string;
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  decisionRole?: DecisionRole;
}

export interface FollowUp {
  id: string;
  customerId: string;
  dueOn: string;
  overdue: boolean;
  channel: Channel;
  status: 'OPEN' | 'DONE' | 'SNOOZED' | 'MISSED';
  snoozeReason?: string;
}

export interface Customer {
  id: string;
  name: string;
  industry?: string;
  address?: string;
  lat?: number;
  lng?: number;
  ownerId: string;
  grade: Grade;
  stage: Stage;
  lostReason?: string;
  source?: string;
  tags?: string[];
  notes?: string;
  cadenceDays: number;
  lastTouchedAt?: string;
  createdAt: string;
  version: number;
  contacts?: Contact[];
  pendingFollowUp?: FollowUp;
  health?: { score: number; components: { name: string; points: number; max: number; detail: string }[] };
}

/** What a timeline entry records (TimelineEntry.Kind on the server). */
export type TimelineKind =
  | 'FOLLOW_UP_DONE'
  | 'FOLLOW_UP_MISSED'
  | 'CHECK_IN_VERIFIED'
  | 'CHECK_IN_UNVERIFIED'
  | 'GRADE'
  | 'STAGE'
  | 'OWNER'
  | 'DELETED'
  | 'CREATED';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  channel?: Channel;
  summary?: string;
  feedback?: string;
  needChange?: string;
  nextAction?: string;
  from?: string;
  to?: string;
  reason?: string;
  followUpId?: string;
}

export const gradeLabel = (grade: string) => t(`grade.${grade}` as MessageKey);
export const stageLabel = (stage: string) => t(`stage.${stage}` as MessageKey);
export const channelLabel = (channel: string) => t(`channel.${channel}` as MessageKey);

/** Whole days between an instant and now. */
export function daysSince(iso: string | undefined, now = Date.now()): number | undefined {
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000)) : undefined;
}

/** A day (yyyy-mm-dd) n days from today, in the browser's calendar. */
export function dayFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
