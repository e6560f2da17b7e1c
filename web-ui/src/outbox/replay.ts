import { api } from '../api/client';
import { readKey } from '../platform/db';
import { flush, type FlushResult, type OutboxItem } from './outbox';

/** Sends one outbox item through the API client (token refresh included) with its idempotency key. */
export function sendItem(item: OutboxItem): Promise<unknown> {
  return api(item.path, { method: item.method, body: item.body, headers: { 'Idempotency-Key': item.key } });
}

/** Replays the signed-in user's writes (the page and the service worker both call this). */
export async function replayOutbox(): Promise<FlushResult> {
  const me = await readKey<{ id: string }>('me');
  if (!me) return { sent: 0, failed: 0, interrupted: false };
  return flush(me.id, sendItem);
}
