import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfflineError } from '../api/problem';
import { readKey, resetDatabaseForTests, writeKey } from '../platform/db';
import { loadSession, refreshSession, saveTokens, upgradeStoredSession } from './session';

interface Sent {
  url: string;
  init: RequestInit;
}

function answering(...responses: (Response | Error)[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const next = responses.shift();
    if (next instanceof Error) throw next;
    return next ?? new Response(null, { status: 500 });
  });
  return sent;
}

const tokens = (accessToken: string) => new Response(JSON.stringify({ accessToken, tokenType: 'Bearer', expiresIn: 900 }), { status: 200, headers: { 'content-type': 'application/json' } });

describe('session', () => {
  beforeEach(resetDatabaseForTests);
  afterEach(() => vi.unstubAllGlobals());

  it('keeps only the access token and its expiry on the device', async () => {
    await saveTokens({ accessToken: 'a1', expiresIn: 900, refreshToken: 'must-not-be-kept' } as never, 1_000);
    expect(await readKey('session')).toEqual({ accessToken: 'a1', expiresAt: 901_000 });
  });

  it('refreshes with the cookie: the delivery header, a JSON body without a token, same-origin credentials', async () => {
    await saveTokens({ accessToken: 'stale', expiresIn: 900 });
    const sent = answering(tokens('fresh'));

    const session = await refreshSession('stale');

    expect(session?.accessToken).toBe('fresh');
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/v1/auth/refresh');
    expect(sent[0].init.credentials).toBe('same-origin');
    expect(sent[0].init.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Refresh-Token-Delivery': 'cookie' });
    expect(JSON.parse(sent[0].init.body as string)).toEqual({});
    expect(await loadSession()).not.toHaveProperty('refreshToken');
  });

  it('uses a session another tab already refreshed instead of spending the cookie again', async () => {
    await saveTokens({ accessToken: 'already-new', expiresIn: 900 });
    const sent = answering();
    expect((await refreshSession('stale'))?.accessToken).toBe('already-new');
    expect(sent).toHaveLength(0);
  });

  it('stays signed in offline and ends the session only when the server refuses the cookie', async () => {
    await saveTokens({ accessToken: 'stale', expiresIn: 900 });
    answering(new TypeError('Failed to fetch'));
    await expect(refreshSession('stale')).rejects.toBeInstanceOf(OfflineError);
    expect(await loadSession()).toBeDefined();

    answering(new Response(JSON.stringify({ status: 401 }), { status: 401, headers: { 'content-type': 'application/problem+json' } }));
    expect(await refreshSession('stale')).toBeUndefined();
    expect(await loadSession()).toBeUndefined();
  });

  it('moves the refresh token of a session stored before the cookie into the cookie, once', async () => {
    await writeKey('session', { accessToken: 'old', refreshToken: 'rt-from-before', expiresAt: Date.now() + 600_000 });
    const sent = answering(tokens('new'));

    await upgradeStoredSession();
    await upgradeStoredSession();

    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].init.body as string)).toEqual({ refreshToken: 'rt-from-before' });
    expect(await readKey('session')).toEqual({ accessToken: 'new', expiresAt: expect.any(Number) });
  });
});
