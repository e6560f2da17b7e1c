import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from '../outbox/outbox';

/** The app's one IndexedDB database, shared by the pages and the service worker. */
interface CanvassDB extends DBSchema {
  kv: { key: string; value: unknown };
  outbox: { key: number; value: OutboxItem };
}

let db: Promise<IDBPDatabase<CanvassDB>> | undefined;

export function database(): Promise<IDBPDatabase<CanvassDB>> {
  db ??= openDB<CanvassDB>('canvass', 1, {
    upgrade(d) {
      d.createObjectStore('kv');
      d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    },
  });
  return db;
}

export async function readKey<T>(key: string): Promise<T | undefined> {
  return (await (await database()).get('kv', key)) as T | undefined;
}

export async function writeKey(key: string, value: unknown): Promise<void> {
  await (await database()).put('kv', value, key);
}

export async function deleteKey(key: string): Promise<void> {
  await (await database()).delete('kv', key);
}

/** Tests start each case from an empty database. */
export async function resetDatabaseForTests(): Promise<void> {
  if (db) (await db).close();
  db = undefined;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('canvass');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
