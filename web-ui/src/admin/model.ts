import type { Always, Refine, Schema } from '../api/types';
import type { Profile, Role } from '../shared/profile';

/** An invite or reset link as issued; the token is shown once. */
export type AccessLink = Always<Schema<'AccessLink'>, 'userId' | 'purpose' | 'expiresAt'>;

/** A user as GET /api/v1/users answers (UserView in the OpenAPI document). */
export type User = Refine<
  Always<Schema<'UserView'>, 'id' | 'email' | 'displayName' | 'role' | 'timeZone' | 'locale' | 'active' | 'financeApprover' | 'passwordSet' | 'version'>,
  { invite?: AccessLink }
>;

export type AdminTeam = Always<Schema<'TeamView'>, 'id' | 'name' | 'kind' | 'managerIds' | 'version'>;

/** What the people and team screens send. */
export type UserCreate = Schema<'UserCreate'>;
export type UserUpdate = Schema<'UserUpdate'>;
export type TeamWrite = Schema<'TeamWrite'>;
export type TeamManagers = Schema<'TeamManagers'>;

export const PEOPLE_ROLES: Role[] = ['ADMIN', 'DIRECTOR', 'MANAGER', 'REP'];

/** Who may open the people screens: admins, directors and managers (for the reps of their teams). */
export function managesPeople(role: Role): boolean {
  return role === 'ADMIN' || role === 'DIRECTOR' || role === 'MANAGER';
}

/** Who shapes the team tree (the server allows directors and admins only). */
export function managesTeams(role: Role): boolean {
  return role === 'ADMIN' || role === 'DIRECTOR';
}

/**
 * What the caller may do to a user, mirroring the server's AccessPolicy (which enforces it): admins
 * anyone, directors anyone but admins, managers the reps in their teams (the list is already limited
 * to their teams); nobody their own access.
 */
export function mayManage(caller: Profile, user: Pick<User, 'id' | 'role'>): boolean {
  if (user.id === caller.id) return false;
  if (caller.role === 'ADMIN') return true;
  if (caller.role === 'DIRECTOR') return user.role !== 'ADMIN';
  if (caller.role === 'MANAGER') return user.role === 'REP';
  return false;
}

/** The roles the caller may give. */
export function grantableRoles(caller: Profile): Role[] {
  if (caller.role === 'ADMIN') return PEOPLE_ROLES;
  if (caller.role === 'DIRECTOR') return ['DIRECTOR', 'MANAGER', 'REP'];
  if (caller.role === 'MANAGER') return ['REP'];
  return [];
}

/** Managed teams are given by directors and admins; the finance approver flag by admins only. */
export function mayGiveManagedTeams(caller: Profile): boolean {
  return caller.role === 'ADMIN' || caller.role === 'DIRECTOR';
}

export function mayNameApprovers(caller: Profile): boolean {
  return caller.role === 'ADMIN';
}

/** A team with its depth in the tree, in tree order (parents before children, siblings by name). */
export interface TreeRow<T> {
  team: T;
  depth: number;
}

export function treeOrder<T extends { id: string; parentId?: string; name: string }>(teams: T[]): TreeRow<T>[] {
  const known = new Set(teams.map((t) => t.id));
  const children = new Map<string | undefined, T[]>();
  for (const team of teams) {
    const parent = team.parentId && known.has(team.parentId) ? team.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const out: TreeRow<T>[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const team of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(team.id)) continue;
      seen.add(team.id);
      out.push({ team, depth });
      walk(team.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

/** The team and every team below it: where it may not be moved. */
export function subtreeOf(teams: { id: string; parentId?: string }[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parentId && out.has(team.parentId) && !out.has(team.id)) {
        out.add(team.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The absolute link to share, from the path the server answers (the token is in its fragment). */
export function shareableLink(link: AccessLink, origin: string): string | undefined {
  return link.path && link.path.startsWith('/welcome#token=') ? origin + link.path : undefined;
}

/** The token of a link page's address (/welcome#token=…), if any. */
export function tokenFromHash(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}
