import { database } from '../platform/db';
import { withLock } from '../platform/locks';
import { uuid } from '../platform/uuid';
import { ApiError, isTransient } from '../api/problem';

/**
 * The durable outbox: writes made while offline (or before the server confirmed them) wait here in
 * IndexedDB and are replayed in order. Each carries an idempotency key so a replay never duplicates.
 */
export interface OutboxItem {
  seq?: number;
  /** sent as the Idempotency-Key header on every attempt */
  key: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body: unknown;
  /** message key describing the write to the user, e.g. "outbox.profile" */
  label: string;
  /** the user who made the write: it is only ever sent with that user's session */
  userId: string;
  createdAt: number;
  state: 'pending' | 'failed';
  attempts: number;
  /** why the server refused it, for failed items */
  error?: { status: number; kind: string; detail?: string; fields?: string[] };
}

export type NewWrite = Pick<OutboxItem, 'method' | 'path' | 'body' | 'label' | 'userId'>;

/** Sends one item; throws ApiError, OfflineError or SessionExpiredError. */
export type Sender = (item: OutboxItem) => Promise<unknown>;

export interface FlushResult {
  sent: number;
  failed: number;
  /** true when a transient problem (offline, server trouble) stopped the replay early */
  interrupted: boolean;
}

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('canvass-outbox');
const listeners = new Set<() => void>();

function changed(): void {
  listeners.forEach((listener) => listener());
  channel?.postMessage('changed');
}

/** Called whenever the outbox changes, in this context or another tab or the service worker. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  const fromElsewhere = () => listener();
  channel?.addEventListener('message', fromElsewhere);
  return () => {
    listeners.delete(listener);
    channel?.removeEventListener('message', fromElsewhere);
  };
}

export async function enqueue(write: NewWrite, now = Date.now()): Promise<OutboxItem> {
  const item: OutboxItem = { ...write, key: uuid(), createdAt: now, state: 'pending', attempts: 0 };
  item.seq = await (await database()).add('outbox', item);
  changed();
  return item;
}

/** Every item, oldest first. */
export async function items(): Promise<OutboxItem[]> {
  return (await database()).getAll('outbox');
}

export async function retry(seq: number): Promise<void> {
  const db = await database();
  const item = await db.get('outbox', seq);
  if (!item) return;
  await db.put('outbox', { ...item, state: 'pending', error: undefined });
  changed();
}

export async function discard(seq: number): Promise<void> {
  await (await database()).delete('outbox', seq);
  changed();
}

export async function clearOutbox(): Promise<void> {
  await (await database()).clear('outbox');
  changed();
}

/** Drops writes made by anyone but userId (their session is gone; they can never be sent as them). */
export async function keepOnlyWritesOf(userId: string): Promise<void> {
  const db = await database();
  const others = (await db.getAll('outbox')).filter((item) => item.userId !== userId);
  for (const item of others) await db.delete('outbox', item.seq!);
  if (others.length) changed();
}

/**
 * Replays the user's pending items oldest first, one at a time, under a lock shared with other tabs and the
 * service worker so that no item is ever sent by two of them at once. A sent item is removed; an
 * item the server refuses is kept as failed, with the reason, for the user to retry or discard, and
 * the replay goes on; a transient problem stops the replay and leaves the rest for later.
 */
export function flush(userId: string, send: Sender): Promise<FlushResult> {
  return withLock('canvass-outbox', async () => {
    const result: FlushResult = { sent: 0, failed: 0, interrupted: false };
    const db = await database();
    for (const item of await db.getAll('outbox')) {
      if (item.state !== 'pending' || item.userId !== userId) continue;
      try {
        await send(item);
        await db.delete('outbox', item.seq!);
        result.sent++;
      } catch (error) {
        const attempted = { ...item, attempts: item.attempts + 1 };
        if (isTransient(error)) {
          await db.put('outbox', attempted);
          result.interrupted = true;
          break;
        }
        const problem = error instanceof ApiError ? error : undefined;
        await db.put('outbox', {
          ...attempted,
          state: 'failed',
          error: {
            status: problem?.status ?? 0,
            kind: problem?.kind ?? 'unknown',
            detail: problem?.problem.detail ?? String(error),
            fields: problem?.problem.errors?.map((e) => e.field),
          },
        });
        result.failed++;
      }
    }
    if (result.sent || result.failed) changed();
    return result;
  });
}
