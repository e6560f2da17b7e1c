/** Shapes of the integrations, settings and audit APIs, and the small rules the screens apply to them. */

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export type Grant = 'PAYROLL';
export const GRANTS: Grant[] = ['PAYROLL'];

export interface ServiceAccount {
  id: string;
  name: string;
  clientId?: string;
  teamId?: string;
  active: boolean;
  lastUsedAt?: string;
  grants: Grant[];
}

export interface IssuedSecret {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  teamId?: string;
  grants: Grant[];
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description?: string;
  eventTypes: string[];
  active: boolean;
  failingSince?: string;
  disabled?: { at: string; reason: string };
  previousSecretValidUntil?: string;
  createdAt: string;
  version: number;
}

export interface WithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export interface EventType {
  type: string;
  description: string;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt?: string;
  lastStatus?: number;
  lastError?: string;
  nextAttemptAt?: string;
  deliveredAt?: string;
}

export interface CadencePolicy {
  kind: 'GRADE' | 'STAGE';
  code: string;
  intervalDays: number;
  missAfterDays: number;
  version: number;
}

export interface ReminderSettings {
  quietStart?: string | null;
  quietEnd?: string | null;
  dailyCap: number;
  version: number;
  updatedAt?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId?: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

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
