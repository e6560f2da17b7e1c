import { ApiError } from '../api/problem';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';

/**
 * An expense error for the user: over budget (422) gets the server's figures after a line in the
 * user's language, since which budget and by how much is what they need to act on.
 */
export function describeExpenseError(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'unprocessable') return `${t('expense.refused')} ${error.problem.detail ?? ''}`;
  if (error instanceof ApiError && error.kind === 'unsupported-media-type') return t('expense.receiptType');
  if (error instanceof ApiError && error.kind === 'payload-too-large') return t('expense.receiptSize');
  return describeError(error);
}
