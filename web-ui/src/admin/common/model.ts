/** Shapes of the integrations, settings and audit APIs (from the OpenAPI document), and the small rules the screens apply to them. */
import type { Always, Body, OrNull, Refine, Returns, Schema } from '../../api/types';

export type Grant = Schema<'Grant'>;
export const GRANTS: Grant[] = ['PAYROLL'];

export type ServiceAccount = Refine<Always<Returns<'ServiceAccountResource_deactivate'>, 'id' | 'name' | 'active'>, { grants: Grant[] }>;

export type IssuedSecret = Refine<
  Always<Returns<'ServiceAccountResource_rotate'>, 'id' | 'name' | 'clientId' | 'clientSecret'>,
  { grants: Grant[] }
>;

export type WebhookEndpoint = Refine<
  Always<Schema<'WebhookEndpoint'>, 'id' | 'url' | 'eventTypes' | 'active' | 'createdAt' | 'version'>,
  { disabled?: Always<Schema<'WebhookDisabledNotice'>, 'at' | 'reason'> }
>;

export type WithSecret = Refine<Returns<'WebhookResource_rotate'>, { endpoint: WebhookEndpoint; secret: string }>;

export type EventType = Always<Schema<'WebhookEventTypeInfo'>, 'type' | 'description'>;

export type DeliveryStatus = NonNullable<Schema<'WebhookDelivery'>['status']>;

export type Delivery = Always<Schema<'WebhookDelivery'>, 'id' | 'eventId' | 'eventType' | 'occurredAt' | 'status' | 'attempts'>;

export type CadencePolicy = Always<Returns<'CadenceResource_update'>, 'kind' | 'code' | 'intervalDays' | 'missAfterDays' | 'version'>;

export type ReminderSettings = Always<Returns<'ReminderSettingsResource_current'>, 'dailyCap' | 'version'>;

/** `before` is null for a record created, `after` for one removed. */
export type AuditEntry = OrNull<Always<Schema<'AuditView'>, 'id' | 'at' | 'action' | 'entityType' | 'entityId'>, 'before' | 'after'>;

/** What the integrations and settings screens send. */
export type ServiceAccountCreate = Body<'ServiceAccountResource_create'>;
export type GrantsChange = Body<'ServiceAccountResource_changeGrants'>;
export type EndpointCreate = Body<'WebhookResource_create'>;
export type EndpointUpdate = Body<'WebhookResource_update'>;
export type Redelivery = Body<'WebhookResource_redeliver'>;
export type CadenceChange = Body<'CadenceResource_update'>;
export type ReminderSettingsChange = Body<'ReminderSettingsResource_change'>;

/** "21:30:00" as the API answers, "21:30" as a time field shows it. */
export function hhmm(time: string | null | undefined): string {
  return time ? time.slice(0, 5) : '';
}

/** One line per field that an audit entry changed (or set, or removed), in the order the fields first appear. */
export interface Change {
  field: string;
  before?: string;
  after?: string;
}

function shown(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function changesOf(entry: Pick<AuditEntry, 'before' | 'after'>): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }))
    .filter((c) => c.before !== c.after || !(c.field in before) || !(c.field in after));
}

/** A local date (yyyy-mm-dd) as the start of that day in the user's zone, as the API's instant. */
export function startOfDay(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/** The instant after a local date ends: the end of a range that includes that day. */
export function endOfDay(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + 1).toISOString();
}
