import { api } from '../api/client';
import { deleteKey, readKey, writeKey } from '../platform/db';
import { store } from '../platform/store';
import { pickLocale, speak, type Locale } from '../i18n/i18n';
import type { Body, Refine, Schema } from '../api/types';

export type Role = Schema<'Role'>;

/**
 * The signed-in user as GET /api/v1/me answers. The document does not describe this answer's body yet, so its fields
 * are named here.
 */
export interface Profile {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  teamId?: string;
  timeZone: string;
  locale: Locale;
  phone?: string;
  managedTeamIds?: string[];
  /** acts at the finance step of expense claims */
  financeApprover?: boolean;
  version: number;
}

/** What the profile and settings screens change (PATCH /api/v1/me). */
export type ProfileChange = Refine<Body<'MeResource_update'>, { locale?: Locale }>;

const KEY = 'me';

/** The signed-in user, or undefined when signed out. Cached in IndexedDB so the app starts offline. */
export const me = store<Profile | undefined>(undefined);

export function cachedProfile(): Promise<Profile | undefined> {
  return readKey<Profile>(KEY);
}

export async function fetchProfile(): Promise<Profile> {
  const profile = await api<Profile>('/api/v1/me');
  await rememberProfile(profile);
  return profile;
}

/** Loads the profile from the server and speaks its language. */
export async function refreshProfile(): Promise<Profile> {
  const profile = await fetchProfile();
  await speak(pickLocale(profile.locale));
  return profile;
}

export async function rememberProfile(profile: Profile): Promise<void> {
  await writeKey(KEY, profile);
  me.set(profile);
}

export async function forgetProfile(): Promise<void> {
  await deleteKey(KEY);
  me.set(undefined);
}

/** Roles that see the Team area: its tab and every path under /team (the server still checks every request). */
export function seesTeam(role: Role | undefined): boolean {
  return role === 'MANAGER' || role === 'DIRECTOR' || role === 'ADMIN';
}
