import { t, type MessageKey } from '../i18n/i18n';

/** Deals, contracts and collections as the API shows them (DealView, ContractView, RenewalItem). Amounts are decimal strings. */
export type DealStage = 'QUALIFICATION' | 'NEEDS_ANALYSIS' | 'PROPOSAL' | 'NEGOTIATION' | 'WON' | 'LOST';
export const DEAL_STAGES: DealStage[] = ['QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];

export interface Deal {
  id: string;
  customerId: string;
  customerName: string;
  ownerName?: string;
  name: string;
  amount: string;
  currency: string;
  productLine?: string;
  stage: DealStage;
  lostReason?: string;
  expectedCloseOn?: string;
  version: number;
  history?: { at: string; fromStage?: DealStage; toStage: DealStage; reason?: string }[];
}

export interface Pipeline {
  stages: { stage: DealStage; count: number; amounts: { currency: string; amount: string }[] }[];
}

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'EXPIRED' | 'TERMINATED' | 'RENEWED';
export type RenewalState = 'NONE' | 'UPCOMING' | 'IN_EVALUATION' | 'RENEWED' | 'CHURNED';

export interface Instalment {
  id: string;
  position: number;
  dueOn: string;
  amount: string;
  currency: string;
  collected: string;
  outstanding: string;
  paidOn?: string;
  overdue: boolean;
  daysOverdue: number;
}

export interface Contract {
  id: string;
  customerId: string;
  customerName: string;
  ownerName?: string;
  number: string;
  value: string;
  currency: string;
  productLines: string[];
  startsOn: string;
  endsOn: string;
  daysToEnd: number;
  status: ContractStatus;
  renewalState: RenewalState;
  expiredUndecided: boolean;
  successorId?: string;
  predecessorId?: string;
  churnReason?: string;
  terminationReason?: string;
  documents?: { name: string; url?: string; kind?: string; signedOn?: string }[];
  version: number;
  plan?: { instalments: Instalment[]; planned: string; difference: string; collected: string; outstanding: string; overdue: string };
  payments?: { id: string; instalmentId: string; amount: string; currency: string; receivedOn: string; reference?: string; note?: string }[];
  events?: { at: string; kind: string; detail?: string }[];
  alerts?: { kind: string; windowDays?: number; dueOn: string; firedAt: string }[];
}

export interface RenewalItem {
  contractId: string;
  number: string;
  customerId: string;
  customerName: string;
  ownerName?: string;
  endsOn: string;
  daysToEnd: number;
  radar?: number;
  value: string;
  currency: string;
  status: ContractStatus;
  renewalState: RenewalState;
  expiredUndecided: boolean;
  health?: { score: number };
}

/** The radar bands, tightest first. */
export const BANDS = [7, 30, 60, 90] as const;

export const dealStageLabel = (s: DealStage) => t(`deal.stage.${s}` as MessageKey);
export const contractStatusLabel = (s: ContractStatus) => t(`contract.status.${s}` as MessageKey);
export const renewalStateLabel = (s: RenewalState) => t(`contract.renewal.${s}` as MessageKey);

/** Whole minor units of a currency, for the amount inputs' step (JPY 0, CNY 2, KWD 3). */
export function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function stepOf(currency: string): string {
  const digits = minorUnits(currency);
  return digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
}
