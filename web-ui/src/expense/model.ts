import { accessToken } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import type { Always, Refine, Schema } from '../api/types';
import type { Profile } from '../shared/profile';

export type Category = Schema<'ExpenseCategory'>;
export const CATEGORIES = ['TRAVEL', 'CLIENT_ENTERTAINMENT', 'MARKETING_EVENTS', 'TRAINING', 'OTHER'] as const satisfies readonly Category[];
export type ClaimStatus = NonNullable<Schema<'ExpenseClaim'>['status']>;
/** What the viewer may do next with a claim (the document lists them as strings). */
export type ClaimAction = 'EDIT' | 'DELETE' | 'SUBMIT' | 'UPLOAD_RECEIPT' | 'WITHDRAW' | 'APPROVE' | 'RETURN' | 'PAY';

/** Expense claims, pre-approvals, budgets and the return on spend as the OpenAPI document describes them. */
export type Receipt = Always<Schema<'ExpenseReceipt'>, 'id' | 'contentType' | 'sizeBytes'>;
export type ClaimEvent = Always<Schema<'ExpenseClaimEvent'>, 'at' | 'action' | 'toStatus'>;
/** GET /api/v1/expense-claims/{id} */
export type Claim = Refine<
  Always<
    Schema<'ExpenseClaim'>,
    'id' | 'userId' | 'userName' | 'teamName' | 'spentOn' | 'category' | 'amount' | 'currency' | 'description' | 'status' | 'version'
    | 'receiptCount'
  >,
  { receipts?: Receipt[]; history?: ClaimEvent[]; actions: ClaimAction[] }
>;
export type PreApproval = Always<
  Schema<'ExpensePreApproval'>,
  'id' | 'requesterName' | 'teamId' | 'teamName' | 'category' | 'month' | 'amount' | 'currency' | 'reason' | 'status'
>;
export type Approvals = Refine<Schema<'ExpenseApprovals'>, { claims: Claim[]; preApprovals: PreApproval[] }>;
export type Budget = Always<
  Schema<'ExpenseBudget'>,
  'id' | 'teamId' | 'teamName' | 'category' | 'month' | 'amount' | 'currency' | 'preApproved' | 'spent' | 'committed' | 'remaining'
>;
export type ReturnOnSpend = Always<Schema<'ExpenseReturnOnSpend'>, 'currency' | 'spend' | 'wonDeals' | 'newCustomers'>;
export type Report = Refine<Always<Schema<'ExpenseReport'>, 'wonDeals' | 'newCustomers'>, { returnOnSpend: ReturnOnSpend[] }>;

/** What the claim form, the budget form, a pre-approval request and a decision send. */
export type ClaimCreate = Schema<'ExpenseClaimCreate'>;
export type BudgetCreate = Schema<'ExpenseBudgetCreate'>;
export type PreApprovalCreate = Schema<'ExpensePreApprovalCreate'>;
export type Decision = Schema<'ExpenseDecision'>;

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
