import { api } from '../api/client';
import type { Always, Schema } from '../api/types';
import type { Profile } from '../shared/profile';

/** Users and teams the signed-in user may see, for names beside the ids the planning and coaching APIs return. */
export type Person = Pick<Always<Schema<'UserView'>, 'id' | 'displayName' | 'role' | 'active'>, 'id' | 'displayName' | 'role' | 'teamId' | 'active'>;
export type Team = Pick<Always<Schema<'TeamView'>, 'id' | 'name'>, 'id' | 'parentId' | 'name'>;

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<T>>(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

let people: Promise<Person[]> | undefined;
let teams: Promise<Team[]> | undefined;

/** Everyone in the caller's scope (reps see only themselves), loaded once per session of the screen. */
export function loadPeople(): Promise<Person[]> {
  people ??= all<Person>('/api/v1/users?active=true').catch((e) => {
    people = undefined;
    throw e;
  });
  return people;
}

/** The teams in scope (managers, directors, admins). */
export function loadTeams(profile: Profile): Promise<Team[]> {
  if (profile.role === 'REP') return Promise.resolve([]);
  teams ??= all<Team>('/api/v1/teams').catch((e) => {
    teams = undefined;
    throw e;
  });
  return teams;
}

/** Forgets what was loaded (after signing out or when another user signs in). */
export function forgetPeople(): void {
  people = undefined;
  teams = undefined;
}

export function nameOf(list: { id: string; displayName?: string; name?: string }[], id: string | undefined): string {
  const found = id ? list.find((p) => p.id === id) : undefined;
  return found?.displayName ?? found?.name ?? '—';
}
