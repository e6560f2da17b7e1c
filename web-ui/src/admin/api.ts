import { api, apiAnswer } from '../api/client';
import { uuid } from '../platform/uuid';
import type { AccessLink, AdminTeam, User, UserCreate } from './model';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Every page of a list (the people and teams of one organisation are a few hundred at most). */
export async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 5000);
  return out;
}

export const loadTeams = () => all<AdminTeam>('/api/v1/teams');

export async function loadUser(id: string): Promise<{ user: User; etag?: string }> {
  const answer = await apiAnswer<User>(`/api/v1/users/${id}`);
  return { user: answer.data, etag: answer.etag };
}

/** Writes that issue something carry an Idempotency-Key, so a retry never issues twice. */
const once = () => ({ 'Idempotency-Key': uuid() });

export const inviteUser = (body: UserCreate) => api<User>('/api/v1/users', { method: 'POST', body, headers: once() });
export const reissueInvite = (id: string) => api<AccessLink>(`/api/v1/users/${id}/invite`, { method: 'POST', headers: once() });
export const issueReset = (id: string) => api<AccessLink>(`/api/v1/users/${id}/password-reset`, { method: 'POST', headers: once() });
