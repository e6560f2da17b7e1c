import { t, type MessageKey } from '../i18n/i18n';

import type { Always, Item, Schema } from '../api/types';

export { CHANNELS, channelLabel, type Channel } from '../followup/model';
export { dayFromToday } from '../shared/days';

/** Customer data as the API shows it (the OpenAPI document's CustomerSummary, FollowUpView, TimelineEntry). */
export type Grade = Schema<'Grade'>;
export type Stage = Schema<'Stage'>;
export type DecisionRole = Schema<'DecisionRole'>;

export const GRADES: Grade[] = ['A', 'B', 'C'];
export const STAGES: Stage[] = ['INITIAL_INTENT', 'HIGH_INTENT', 'KEY_ACCOUNT', 'WON', 'LOST'];
export const DECISION_ROLES: DecisionRole[] = ['DECISION_MAKER', 'INFLUENCER', 'USER', 'GATEKEEPER', 'OTHER'];

export type CustomerSummary = Always<Schema<'CustomerSummary'>, 'id' | 'name' | 'grade' | 'stage' | 'ownerId' | 'cadenceDays' | 'overdue' | 'healthScore'>;

/** A contact as the customer form sends it; the customer's page also shows its id. */
export type Contact = Schema<'Contact'> & { id?: string };

export type FollowUp = Always<Schema<'FollowUpView'>, 'id' | 'customerId' | 'dueOn' | 'overdue' | 'channel' | 'status'>;

/** What the customer form sends: a new customer, or the changes to one. */
export type CustomerCreate = Schema<'CustomerCreate'>;
export type CustomerUpdate = Schema<'CustomerUpdate'>;

type HealthScore = Schema<'HealthScore'>;

/**
 * A customer's page (GET /api/v1/customers/{id}). The document does not describe this answer's body yet, so its
 * fields are named here, each typed from the document where it has one.
 */
export interface Customer {
  id: string;
  name: string;
  industry?: CustomerCreate['industry'];
  address?: CustomerCreate['address'];
  lat?: CustomerCreate['lat'];
  lng?: CustomerCreate['lng'];
  ownerId: string;
  grade: Grade;
  stage: Stage;
  lostReason?: CustomerCreate['lostReason'];
  source?: CustomerCreate['source'];
  tags?: CustomerCreate['tags'];
  notes?: CustomerCreate['notes'];
  cadenceDays: number;
  lastTouchedAt?: CustomerSummary['lastTouchedAt'];
  createdAt: string;
  version: number;
  contacts?: Contact[];
  pendingFollowUp?: FollowUp;
  health?: { score: NonNullable<HealthScore['score']>; components: Always<Item<HealthScore['components']>, 'name' | 'points' | 'max' | 'detail'>[] };
}

/** What a timeline entry records (TimelineEntry.Kind on the server). */
export type TimelineKind = NonNullable<Schema<'TimelineEntry'>['kind']>;

export type TimelineEntry = Always<Schema<'TimelineEntry'>, 'at' | 'kind'>;

export const gradeLabel = (grade: string) => t(`grade.${grade}` as MessageKey);
export const stageLabel = (stage: string) => t(`stage.${stage}` as MessageKey);

/** Whole days between an instant and now. */
export function daysSince(iso: string | undefined, now = Date.now()): number | undefined {
  return iso ? Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000)) : undefined;
}

/** A follow-up due, as the agenda lists it (AgendaItem in the OpenAPI document). */
export type AgendaItem = Always<
  Schema<'AgendaItem'>,
  'followUpId' | 'customerId' | 'customerName' | 'grade' | 'stage' | 'dueOn' | 'overdue' | 'daysOverdue' | 'channel' | 'why'
>;
