import { store } from '../platform/store';
import { enqueue, items, onOutboxChange, type NewWrite } from '../outbox/outbox';
import { replayOutbox } from '../outbox/replay';

export interface SyncState {
  online: boolean;
  pending: number;
  failed: number;
}

/** What the header shows: connectivity and how many writes wait in the outbox. */
export const syncState = store<SyncState>({ online: navigator.onLine, pending: 0, failed: 0 });

const syncedListeners = new Set<() => void>();
const RETRY_MS = 30_000;

export function onSynced(listener: () => void): () => void {
  syncedListeners.add(listener);
  return () => syncedListeners.delete(listener);
}

async function recount(): Promise<void> {
  const all = await items();
  const failed = all.filter((item) => item.state === 'failed').length;
  syncState.set({ online: navigator.onLine, pending: all.length - failed, failed });
}

/** Replays the outbox now if the browser thinks it is online. */
export async function syncNow(): Promise<void> {
  if (!navigator.onLine) return;
  const result = await replayOutbox();
  await recount();
  if (result.sent) syncedListeners.forEach((listener) => listener());
}

/** Asks the service worker to replay the outbox when connectivity returns, even if the app is closed. */
async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as
    | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
    | undefined;
  await registration?.sync?.register('canvass-outbox').catch(() => undefined);
}

/** Every write of the app goes through here: durable first, then sent as soon as possible. */
export async function queueWrite(write: NewWrite): Promise<void> {
  await enqueue(write);
  if (navigator.onLine) await syncNow();
  else await requestBackgroundSync();
}

/** Starts watching connectivity and the outbox; replays at start, on reconnect and periodically. */
export function startSync(): void {
  const update = () => void recount();
  window.addEventListener('offline', update);
  window.addEventListener('online', () => void syncNow());
  onOutboxChange(update);
  setInterval(() => {
    if (syncState.get().pending) void syncNow();
  }, RETRY_MS);
  void recount().then(syncNow);
}
