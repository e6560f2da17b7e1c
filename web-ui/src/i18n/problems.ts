import { ApiError, OfflineError, SessionExpiredError } from '../api/problem';
import { t, type MessageKey } from './i18n';

const KNOWN = new Set(['unauthorized', 'forbidden', 'not-found', 'conflict', 'stale-version', 'rate-limited', 'unavailable']);

/** A problem the server reported, said in the user's language (the server's detail is English). */
export function describeProblem(status: number, kind: string, fields: string[] = []): string {
  if (kind === 'validation' && fields.length) return t('problem.validation', { fields: fields.join(', ') });
  if (KNOWN.has(kind)) return t(`problem.${kind}` as MessageKey);
  if (status === 0) return t('problem.offline');
  return t('problem.other', { status });
}

export function describeError(error: unknown): string {
  if (error instanceof OfflineError) return t('problem.offline');
  if (error instanceof SessionExpiredError) return t('problem.unauthorized');
  if (error instanceof ApiError) return describeProblem(error.status, error.kind, error.problem.errors?.map((e) => e.field));
  return t('problem.other', { status: '—' });
}
