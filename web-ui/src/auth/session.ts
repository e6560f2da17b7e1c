import { deleteKey, readKey, writeKey } from '../platform/db';
import { withLock } from '../platform/locks';
import { OfflineError, problemOf } from '../api/problem';
import type { Always, Schema } from '../api/types';

/**
 * The session as this device keeps it in IndexedDB, so a reload or a phone restart (even offline) keeps
 * the user signed in: only the short-lived access token. The refresh token never reaches page scripts: the
 * server keeps it in an HttpOnly cookie sent only to /api/v1/auth, and login, refresh and logout ask for that
 * with DELIVERY_HEADERS.
 */
export interface Session {
  accessToken: string;
  /** epoch millis when the access token expires */
  expiresAt: number;
  /** Only in a session stored before the cookie: traded once for the cookie, then gone. */
  refreshToken?: string;
}

/** What login and refresh answer with cookie delivery: no refresh token in the body. */
export type TokenPair = Always<Pick<Schema<'TokenPair'>, 'accessToken' | 'expiresIn'>, 'accessToken' | 'expiresIn'>;

/** Asks the auth endpoints to keep the refresh token in its HttpOnly cookie (and read it from there). */
export const DELIVERY_HEADERS: Readonly<Record<string, string>> = { 'X-Refresh-Token-Delivery': 'cookie' };

const KEY = 'session';
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('canvass-session');
const endedListeners = new Set<() => void>();

export function loadSession(): Promise<Session | undefined> {
  return readKey<Session>(KEY);
}

export async function saveTokens(tokens: TokenPair, now = Date.now()): Promise<Session> {
  const session: Session = { accessToken: tokens.accessToken, expiresAt: now + tokens.expiresIn * 1000 };
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
 * Trades the refresh cookie for a new access token (and a new cookie). Refresh tokens are single-use and
 * replaying a spent one revokes the whole chain, so refreshes are serialised across tabs and the service
 * worker: inside the lock, a session that another context already refreshed is simply used. A session
 * stored before the cookie sends its token once in the body; the answer moves it into the cookie.
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
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...DELIVERY_HEADERS },
        body: JSON.stringify((current.refreshToken ? { refreshToken: current.refreshToken } : {}) satisfies Schema<'RefreshRequest'>),
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

/** A session stored before the refresh cookie existed moves its refresh token into the cookie (when online). */
export async function upgradeStoredSession(): Promise<void> {
  const current = await loadSession();
  if (current?.refreshToken) await refreshSession(current.accessToken).catch(() => undefined);
}
