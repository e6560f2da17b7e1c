import { t, type MessageKey } from '../i18n/i18n';
import type { Always, Refine, Schema } from '../api/types';

/** Deals, contracts and collections as the API shows them (Deal, Contract, RenewalItem in the OpenAPI document). Amounts are decimal strings. */
export type DealStage = Schema<'DealStageMove'>['stage'];
export const DEAL_STAGES: DealStage[] = ['QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];

export type Deal = Refine<
  Always<Schema<'Deal'>, 'id' | 'customerId' | 'customerName' | 'name' | 'amount' | 'currency' | 'stage' | 'version'>,
  { history?: Always<Schema<'DealStageChange'>, 'at' | 'toStage'>[] }
>;

export type Pipeline = Refine<
  Schema<'Pipeline'>,
  { stages: Refine<Always<Schema<'StageTotal'>, 'stage' | 'count'>, { amounts: Always<Schema<'Amount'>, 'currency' | 'amount'>[] }>[] }
>;

/** What the new deal form, the stage change, a payment and the renewal steps send. */
export type DealCreate = Schema<'DealCreate'>;
export type DealStageMove = Schema<'DealStageMove'>;
export type PaymentRecord = Schema<'PaymentRecord'>;
export type RenewalNote = Schema<'RenewalNote'>;
export type RenewalDecision = Schema<'RenewalDecision'>;

export type ContractStatus = Schema<'Contract'>['status'] & string;
export type RenewalState = Schema<'Contract'>['renewalState'] & string;

export type Instalment = Always<
  Schema<'Instalment'>,
  'id' | 'position' | 'dueOn' | 'amount' | 'currency' | 'collected' | 'outstanding' | 'overdue' | 'daysOverdue'
>;

export type Contract = Refine<
  Always<
    Schema<'Contract'>,
    'id' | 'customerId' | 'customerName' | 'number' | 'value' | 'currency' | 'productLines' | 'startsOn' | 'endsOn' | 'daysToEnd'
    | 'status' | 'renewalState' | 'expiredUndecided' | 'version'
  >,
  {
    documents?: Always<Schema<'Document'>, 'name'>[];
    plan?: Refine<
      Always<Schema<'CollectionPlanView'>, 'planned' | 'difference' | 'collected' | 'outstanding' | 'overdue'>,
      { instalments: Instalment[] }
    >;
    payments?: Always<Schema<'Payment'>, 'id' | 'instalmentId' | 'amount' | 'currency' | 'receivedOn'>[];
    events?: Always<Schema<'ContractEvent'>, 'at' | 'kind'>[];
    alerts?: Always<Schema<'ContractAlert'>, 'kind' | 'dueOn' | 'firedAt'>[];
  }
>;

export type RenewalItem = Refine<
  Always<
    Schema<'RenewalItem'>,
    'contractId' | 'number' | 'customerId' | 'customerName' | 'endsOn' | 'daysToEnd' | 'value' | 'currency' | 'status' | 'renewalState'
    | 'expiredUndecided'
  >,
  { health?: Always<Schema<'HealthScore'>, 'score'> }
>;

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
