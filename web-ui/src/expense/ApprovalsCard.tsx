import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n/i18n';
import type { Profile } from '../shared/profile';
import { followLink } from '../platform/router';
import type { Approvals } from './model';

type Waiting = Pick<Approvals, 'claims' | 'preApprovals'>;

/** Today's card for approvers: how many expense claims and pre-approvals wait for them. Hidden when none (or offline). */
export function ApprovalsCard({ profile }: { profile: Profile }) {
  const [waiting, setWaiting] = useState<Waiting>();
  const approver = profile.role === 'MANAGER' || profile.role === 'DIRECTOR' || profile.role === 'ADMIN' || !!profile.financeApprover;
  useEffect(() => {
    if (approver) api<Waiting>('/api/v1/expense-claims/approvals').then(setWaiting, () => undefined);
  }, [profile.id, approver]);
  if (!waiting || waiting.claims.length + waiting.preApprovals.length === 0) return null;
  return (
    <section class="card" aria-labelledby="expense-approvals-h" data-testid="expense-approvals-card">
      <h2 id="expense-approvals-h">{t('expense.todayTitle')}</h2>
      <p>{t('expense.todayBody', { claims: waiting.claims.length, preApprovals: waiting.preApprovals.length })}</p>
      <a href="/expenses/approvals" onClick={followLink}>{t('expense.openApprovals')}</a>
    </section>
  );
}
