import { api } from '../api/client';
import { flush, type FlushResult, type OutboxItem } from './outbox';

/** Sends one outbox item through the API client (token refresh included) with its idempotency key. */
export function sendItem(item: OutboxItem): Promise<unknown> {
  return api(item.path, { method: item.method, body: item.body, headers: { 'Idempotency-Key': item.key } });
}

export function replayOutbox(): Promise<FlushResult> {
  return flush(sendItem);
}
