import { accessToken } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import type { Profile } from '../me/profile';

export const CATEGORIES = ['TRAVEL', 'CLIENT_ENTERTAINMENT', 'MARKETING_EVENTS', 'TRAINING', 'OTHER'] as const;
export type Category = (typeof CATEGORIES)[number];
export type ClaimStatus = 'DRAFT' | 'SUBMITTED' | 'MANAGER_APPROVED' | 'FINANCE_APPROVED' | 'PAID' | 'RETURNED';
export type ClaimAction = 'EDIT' | 'DELETE' | 'SUBMIT' | 'UPLOAD_RECEIPT' | 'WITHDRAW' | 'APPROVE' | 'RETURN' | 'PAY';

export interface Receipt {
  id: string;
  contentType: string;
  sizeBytes: number;
}
export interface ClaimEvent {
  at: string;
  actorName?: string;
  action: string;
  fromStatus?: ClaimStatus;
  toStatus: ClaimStatus;
  comment?: string;
}
/** GET /api/v1/expense-claims/{id} */
export interface Claim {
  id: string;
  userId: string;
  userName: string;
  teamName: string;
  spentOn: string;
  category: Category;
  amount: string;
  currency: string;
  customerId?: string;
  customerName?: string;
  dealName?: string;
  description: string;
  status: ClaimStatus;
  version: number;
  receiptCount: number;
  receipts?: Receipt[];
  history?: ClaimEvent[];
  actions: ClaimAction[];
}
export interface PreApproval {
  id: string;
  requesterName: string;
  teamId: string;
  teamName: string;
  category: Category;
  month: string;
  amount: string;
  currency: string;
  reason: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  decisionNote?: string;
}
export interface Approvals {
  claims: Claim[];
  preApprovals: PreApproval[];
}
export interface Budget {
  id: string;
  teamId: string;
  teamName: string;
  category: Category;
  month: string;
  amount: string;
  currency: string;
  preApproved: string;
  spent: string;
  committed: string;
  remaining: string;
}
export interface ReturnOnSpend {
  currency: string;
  spend: string;
  wonDeals: number;
  newCustomers: number;
  spendPerWonDeal?: string;
  spendPerNewCustomer?: string;
}
export interface Report {
  wonDeals: number;
  newCustomers: number;
  returnOnSpend: ReturnOnSpend[];
}

export const categoryLabel = (c: Category) => t(`expense.category.${c}` as MessageKey);
export const statusLabel = (s: ClaimStatus) => t(`expense.status.${s}` as MessageKey);

/** Whether the person decides something in the expense workflow (managers and up, finance approvers). */
export function isApprover(profile: Profile): boolean {
  return profile.role === 'MANAGER' || profile.role === 'DIRECTOR' || profile.role === 'ADMIN' || !!profile.financeApprover;
}

/** Parts of a budget as shares of what may be used (amount + pre-approved), in percent, for its bar. */
export function budgetShares(b: Pick<Budget, 'amount' | 'preApproved' | 'spent' | 'committed'>): { spent: number; committed: number; over: boolean } {
  const allowance = Number(b.amount) + Number(b.preApproved);
  const spent = Number(b.spent);
  const committed = Number(b.committed);
  if (allowance <= 0) return { spent: spent > 0 ? 100 : 0, committed: 0, over: spent + committed > 0 };
  const s = Math.min(100, (spent / allowance) * 100);
  return { spent: s, committed: Math.min(100 - s, (committed / allowance) * 100), over: spent + committed > allowance };
}

/** The current month as YYYY-MM in the person's time zone. */
export function currentMonth(timeZone?: string, now = new Date()): string {
  let day: string;
  try {
    day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
  return day.slice(0, 7);
}

/** A receipt image as an object URL (images need the bearer token, so an <img src> cannot load them directly). */
export async function receiptUrl(claimId: string, receiptId: string): Promise<string> {
  const response = await fetch(`/api/v1/expense-claims/${claimId}/receipts/${receiptId}`, {
    headers: { Authorization: `Bearer ${await accessToken()}` },
  });
  if (!response.ok) throw new Error(String(response.status));
  return URL.createObjectURL(await response.blob());
}
