import type { Always, Refine, Schema } from './types';

/** An RFC 9457 problem as the Canvass API answers every error. */
export type Problem = Refine<Always<Schema<'Problem'>, 'status'>, { errors?: Always<Schema<'FieldError'>, 'field' | 'message'>[] }>;

/** The server answered with an error. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last segment of the problem type, e.g. "rate-limited"; stable per kind of error. */
  get kind(): string {
    return this.problem.type?.split('/').pop() ?? 'unknown';
  }
}

/** The request never reached the server. */
export class OfflineError extends Error {}

/** There is no session any more (signed out, or the refresh token was refused). */
export class SessionExpiredError extends Error {}

export async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { ...(await response.json()), status: response.status };
    } catch {
      // an unreadable body still has its status
    }
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/**
 * Whether replaying the same request later may succeed (network, overload, server trouble, or the same
 * request still being processed after a lost answer).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof OfflineError || error instanceof SessionExpiredError) return true;
  if (error instanceof ApiError) {
    return error.status >= 500 || error.status === 408 || error.status === 429 || error.kind === 'in-progress';
  }
  return true;
}
