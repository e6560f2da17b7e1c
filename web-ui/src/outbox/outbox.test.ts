import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, OfflineError, SessionExpiredError } from '../api/problem';
import { resetDatabaseForTests } from '../platform/db';
import { discard, enqueue, flush as flushAs, items, keepOnlyWritesOf, retry, type OutboxItem, type Sender } from './outbox';

const write = (n: number, userId = 'emma') => ({
  method: 'PATCH' as const,
  path: '/api/v1/me',
  body: { displayName: `Name ${n}` },
  label: 'outbox.profile',
  userId,
});
const flush = (send: Sender) => flushAs('emma', send);
const refused = (status: number, kind: string) =>
  new ApiError({ type: `https://canvass.io/problems/${kind}`, status, detail: 'refused', errors: [{ field: 'displayName', message: 'too long' }] });

describe('outbox', () => {
  beforeEach(resetDatabaseForTests);

  it('replays writes oldest first and removes each one the server accepted', async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    await enqueue(write(3));
    const sent: unknown[] = [];

    const result = await flush(async (item) => void sent.push(item.body));

    expect(sent).toEqual([{ displayName: 'Name 1' }, { displayName: 'Name 2' }, { displayName: 'Name 3' }]);
    expect(result).toEqual({ sent: 3, failed: 0, interrupted: false });
    expect(await items()).toEqual([]);
  });

  it('gives every write its own idempotency key and keeps it across replays', async () => {
    const a = await enqueue(write(1));
    const b = await enqueue(write(2));
    expect(a.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.key).not.toEqual(b.key);

    const keys: string[] = [];
    await flush(async (item) => {
      keys.push(item.key);
      throw new OfflineError();
    });
    await flush(async (item) => void keys.push(item.key));

    expect(keys).toEqual([a.key, a.key, b.key]);
  });

  it('stops at a network failure and keeps the rest, in order, for later', async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    let calls = 0;

    const result = await flush(async () => {
      calls++;
      throw new OfflineError();
    });

    expect(calls).toBe(1);
    expect(result.interrupted).toBe(true);
    const left = await items();
    expect(left.map((i) => i.state)).toEqual(['pending', 'pending']);
    expect(left[0].attempts).toBe(1);
  });

  it('treats server trouble, rate limits, a request still in progress and an ended session as worth retrying later', async () => {
    for (const error of [refused(503, 'unavailable'), refused(429, 'rate-limited'), refused(409, 'in-progress'), new SessionExpiredError()]) {
      await resetDatabaseForTests();
      await enqueue(write(1));
      const result = await flush(async () => {
        throw error;
      });
      expect(result.interrupted).toBe(true);
      expect((await items())[0].state).toBe('pending');
    }
  });

  it('keeps a refused write as failed, with the reason, and goes on with the next', async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    const sent: string[] = [];

    const result = await flush(async (item: OutboxItem) => {
      if ((item.body as { displayName: string }).displayName === 'Name 1') throw refused(400, 'validation');
      sent.push(item.key);
    });

    expect(result).toEqual({ sent: 1, failed: 1, interrupted: false });
    const [failed] = await items();
    expect(failed.state).toBe('failed');
    expect(failed.error).toEqual({ status: 400, kind: 'validation', detail: 'refused', fields: ['displayName'] });
  });

  it('does not resend a failed write until the user retries it', async () => {
    const item = await enqueue(write(1));
    await flush(async () => {
      throw refused(422, 'unprocessable');
    });
    let calls = 0;
    await flush(async () => void calls++);
    expect(calls).toBe(0);

    await retry(item.seq!);
    expect((await items())[0]).toMatchObject({ state: 'pending', error: undefined });
    await flush(async () => void calls++);
    expect(calls).toBe(1);
    expect(await items()).toEqual([]);
  });

  it('sends a write only with the session of the user who made it', async () => {
    await enqueue(write(1, 'li.na'));
    await enqueue(write(2, 'emma'));
    const sent: unknown[] = [];

    await flush(async (item) => void sent.push(item.body));
    expect(sent).toEqual([{ displayName: 'Name 2' }]);
    expect((await items()).map((i) => i.userId)).toEqual(['li.na']);

    await keepOnlyWritesOf('emma');
    expect(await items()).toEqual([]);
  });

  it('forgets a discarded write', async () => {
    const item = await enqueue(write(1));
    await discard(item.seq!);
    expect(await items()).toEqual([]);
  });

  it('never sends one write twice when two replays run at once', async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    const sent: string[] = [];
    const send = async (item: OutboxItem) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(item.key);
    };

    await Promise.all([flush(send), flush(send)]);

    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2);
  });
});
