import { DELIVERY_HEADERS, loadSession, refreshSession, saveTokens, endSession, type TokenPair } from '../auth/session';
import { OfflineError, SessionExpiredError, problemOf } from './problem';
import type { Always, Schema } from './types';

export interface Request {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/** A JSON answer with the headers that matter to the caller (ETag). */
export interface Answer<T> {
  data: T;
  etag?: string;
}

/** Refresh a little before expiry so a request rarely meets a 401 at all. */
const EARLY_REFRESH_MS = 30_000;

/**
 * Calls the Canvass API as the signed-in user: adds the bearer token, refreshes it silently, and on a
 * 401 refreshes and retries once. Errors arrive as ApiError (with the problem), OfflineError or
 * SessionExpiredError.
 */
export async function api<T>(path: string, request: Request = {}): Promise<T> {
  return (await apiAnswer<T>(path, request)).data;
}

/** Like api, with the response's ETag (for If-Match on a later change). */
export async function apiAnswer<T>(path: string, request: Request = {}): Promise<Answer<T>> {
  let session = await loadSession();
  if (!session) throw new SessionExpiredError();
  if (session.expiresAt - Date.now() < EARLY_REFRESH_MS) {
    session = await refreshSession(session.accessToken).catch(() => session);
    if (!session) throw new SessionExpiredError();
  }
  let response = await send(path, request, session.accessToken);
  if (response.status === 401) {
    session = await refreshSession(session.accessToken);
    if (!session) throw new SessionExpiredError();
    response = await send(path, request, session.accessToken);
  }
  if (!response.ok) throw await problemOf(response);
  // 204, and a 202 that only says "queued", have no body
  const text = response.status === 204 ? '' : await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, etag: response.headers.get('etag') ?? undefined };
}

/** A fresh access token (refreshed when close to expiry) for requests api() cannot make, such as streams. */
export async function accessToken(forceRefresh = false): Promise<string> {
  let session = await loadSession();
  if (session && (forceRefresh || session.expiresAt - Date.now() < EARLY_REFRESH_MS)) {
    session = await refreshSession(session.accessToken);
  }
  if (!session) throw new SessionExpiredError();
  return session.accessToken;
}

async function send(path: string, request: Request, accessToken?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  // A Blob (a photo) goes as it is, with its own content type; anything else as JSON.
  const raw = typeof Blob !== 'undefined' && request.body instanceof Blob;
  if (request.body !== undefined) headers['Content-Type'] = raw ? (request.body as Blob).type : 'application/json';
  try {
    return await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : raw ? (request.body as Blob) : JSON.stringify(request.body),
    });
  } catch {
    throw new OfflineError();
  }
}

/** Signs in; the refresh token stays in its HttpOnly cookie, only the access token is kept here. */
export async function login(email: string, password: string): Promise<void> {
  const response = await send('/api/v1/auth/login', { method: 'POST', body: { email, password } satisfies Schema<'LoginRequest'>, headers: { ...DELIVERY_HEADERS } });
  if (!response.ok) throw await problemOf(response);
  await saveTokens((await response.json()) as TokenPair);
}

/** Revokes the refresh-token chain on the server and clears its cookie (when reachable), and forgets the session here. */
export async function logout(): Promise<void> {
  const session = await loadSession();
  const body: Schema<'RefreshRequest'> = session?.refreshToken ? { refreshToken: session.refreshToken } : {};
  await send('/api/v1/auth/logout', { method: 'POST', body, headers: { ...DELIVERY_HEADERS } }).catch(() => undefined);
  await endSession();
}

/** Sets the password with an invite or reset link's token and signs in (no session needed before). */
export async function setPasswordWithLink(token: string, password: string): Promise<void> {
  const response = await send('/api/v1/auth/access-links/password', { method: 'POST', body: { token, password } satisfies Schema<'AccessLinkPassword'>, headers: { ...DELIVERY_HEADERS } });
  if (!response.ok) throw await problemOf(response);
  await saveTokens((await response.json()) as TokenPair);
}

/** Who an invite or reset link is for; fails like setPasswordWithLink when the link no longer works. */
export async function inspectLink(token: string): Promise<Always<Schema<'LinkInfo'>, 'purpose' | 'email' | 'displayName' | 'expiresAt'>> {
  const response = await send('/api/v1/auth/access-links/inspect', { method: 'POST', body: { token } satisfies Schema<'AccessLinkToken'> });
  if (!response.ok) throw await problemOf(response);
  return response.json();
}
