import { api } from '../api/client';
import { OfflineError } from '../api/problem';
import type { RenewalItem } from '../money/model';
import type { Always, Refine, Schema } from '../api/types';
import { readKey, writeKey } from '../platform/db';

/** The team's overdue collections and undecided renewals (GET /api/v1/collections/overdue, /api/v1/renewals/undecided). */
export type OverdueItem = Always<
  Schema<'OverdueInstalment'>,
  'instalmentId' | 'position' | 'contractId' | 'contractNumber' | 'customerId' | 'customerName' | 'ownerId' | 'ownerName' | 'teamId'
  | 'teamName' | 'dueOn' | 'daysOverdue' | 'amount' | 'outstanding' | 'currency'
>;
export type CurrencyTotal = Always<Schema<'OverdueCurrencyTotal'>, 'currency' | 'count' | 'outstanding'>;
export type OverdueCollections = Refine<Always<Schema<'OverdueCollections'>, 'asOf'>, { totals: CurrencyTotal[]; items: OverdueItem[] }>;
export type UndecidedRenewals = Refine<Always<Schema<'UndecidedRenewals'>, 'asOf' | 'total'>, { items: RenewalItem[] }>;
export interface TeamMoney {
  overdue: OverdueCollections;
  renewals: UndecidedRenewals;
}

/** Days-overdue buckets of the team screen's filter, as the API's minDays/maxDays. */
export const BUCKETS = {
  '1-30': { minDays: 1, maxDays: 30 },
  '31-90': { minDays: 31, maxDays: 90 },
  '90+': { minDays: 91 },
} as const;
export type Bucket = keyof typeof BUCKETS;

export interface MoneyFilter {
  ownerId?: string;
  teamId?: string;
  currency?: string;
  bucket?: Bucket;
}

/** The query string of a filter; renewals ignore the overdue bucket. */
export function moneyQuery(filter: MoneyFilter, list: 'overdue' | 'renewals', limit: number, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter.ownerId) params.set('ownerId', filter.ownerId);
  if (filter.teamId) params.set('teamId', filter.teamId);
  if (filter.currency) params.set('currency', filter.currency);
  if (list === 'overdue' && filter.bucket) {
    for (const [name, value] of Object.entries(BUCKETS[filter.bucket])) params.set(name, String(value));
  }
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Every overdue instalment's count, summed over currencies. */
export function overdueCount(overdue: OverdueCollections): number {
  return overdue.totals.reduce((sum, total) => sum + total.count, 0);
}

/** The first page of both lists. */
export async function fetchTeamMoney(filter: MoneyFilter, limit: number): Promise<TeamMoney> {
  const [overdue, renewals] = await Promise.all([
    api<OverdueCollections>(`/api/v1/collections/overdue?${moneyQuery(filter, 'overdue', limit)}`),
    api<UndecidedRenewals>(`/api/v1/renewals/undecided?${moneyQuery(filter, 'renewals', limit)}`),
  ]);
  return { overdue, renewals };
}

export interface Cached {
  money: TeamMoney;
  fetchedAt: number;
}

/** What a screen shows: fresh from the server, or the last copy kept in IndexedDB ("as of") when offline. */
export interface Loaded {
  cached?: Cached;
  fresh: boolean;
  offline: boolean;
  error?: unknown;
}

/** Loads the first pages, keeping them under {@code key} for offline use; offline (or failing) it answers the kept copy. */
export async function loadTeamMoney(key: string, filter: MoneyFilter, limit: number): Promise<Loaded> {
  try {
    const money = await fetchTeamMoney(filter, limit);
    const cached = { money, fetchedAt: Date.now() };
    await writeKey(key, cached).catch(() => undefined);
    return { cached, fresh: true, offline: false };
  } catch (error) {
    const cached = await readKey<Cached>(key).catch(() => undefined);
    return { cached, fresh: false, offline: error instanceof OfflineError, error: error instanceof OfflineError ? undefined : error };
  }
}

export function cacheKey(userId: string, filter: MoneyFilter, limit: number): string {
  return `team-money:${userId}:${moneyQuery(filter, 'overdue', limit)}`;
}
