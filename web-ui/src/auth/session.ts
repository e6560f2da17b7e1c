import { deleteKey, readKey, writeKey } from '../platform/db';
import { withLock } from '../platform/locks';
import { OfflineError, problemOf } from '../api/problem';

/** The token pair, kept in IndexedDB so a reload or a phone restart keeps the user signed in. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch millis when the access token expires */
  expiresAt: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const KEY = 'session';
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('canvass-session');
const endedListeners = new Set<() => void>();

export function loadSession(): Promise<Session | undefined> {
  return readKey<Session>(KEY);
}

export async function saveTokens(tokens: TokenPair, now = Date.now()): Promise<Session> {
  const session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: now + tokens.expiresIn * 1000 };
  await writeKey(KEY, session);
  return session;
}

/** Forgets the session here and tells the other tabs. */
export async function endSession(): Promise<void> {
  await deleteKey(KEY);
  channel?.postMessage('ended');
  endedListeners.forEach((listener) => listener());
}

/** Called when this or another tab loses the session. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  const fromOtherTab = () => listener();
  channel?.addEventListener('message', fromOtherTab);
  return () => {
    endedListeners.delete(listener);
    channel?.removeEventListener('message', fromOtherTab);
  };
}

/**
 * Trades the refresh token for a new pair. Refresh tokens are single-use and replaying a spent one
 * revokes the whole chain, so refreshes are serialised across tabs and the service worker: inside
 * the lock, a session that another context already refreshed is simply used.
 */
export function refreshSession(staleAccessToken: string): Promise<Session | undefined> {
  return withLock('canvass-refresh', async () => {
    const current = await loadSession();
    if (!current) return undefined;
    if (current.accessToken !== staleAccessToken) return current;
    let response: Response;
    try {
      response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
    } catch {
      throw new OfflineError();
    }
    if (response.ok) return saveTokens(await response.json());
    if (response.status === 401) {
      await endSession();
      return undefined;
    }
    throw await problemOf(response);
  });
}
