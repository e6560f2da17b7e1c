import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatMoney } from '../i18n/format';
import { t } from '../i18n/i18n';
import { me } from '../shared/profile';
import { EmptyState, Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { ClaimItem } from './ExpensesScreen';
import { categoryLabel, type Approvals, type Decision, type PreApproval } from './model';
import { useLoad } from '../shared/useLoad';

/** Pre-approval requests waiting for a director or admin, each approved or rejected with a comment. */
function PreApprovalItem({ p, onDone }: { p: PreApproval; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false);
  async function decide(step: 'approve' | 'reject', comment?: string) {
    await queueWrite({
      method: 'POST',
      path: `/api/v1/expense-pre-approvals/${p.id}/${step}`,
      body: { comment } satisfies Decision,
      label: 'outbox.preApprovalDecision',
      userId: me.get()!.id,
    });
    onDone();
  }
  return (
    <li class="card agenda-item" data-testid="pre-approval">
      <strong>{p.requesterName} · {p.teamName}</strong>
      <p class="chips">
        <span class="chip">{categoryLabel(p.category)}</span>
        <span class="chip">{p.month}</span>
        <span class="chip">{formatMoney(p.amount, p.currency)}</span>
      </p>
      <p class="muted">{p.reason}</p>
      {rejecting ? (
        <form onSubmit={(e) => {
          e.preventDefault();
          void decide('reject', String(new FormData(e.currentTarget as HTMLFormElement).get('comment') ?? '').trim());
        }}>
          <label for={`reject-${p.id}`}>{t('expense.rejectComment')}</label>
          <input id={`reject-${p.id}`} name="comment" required maxLength={1000} />
          <div class="actions">
            <button type="submit" class="primary">{t('expense.reject')}</button>
            <button type="button" class="secondary" onClick={() => setRejecting(false)}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="primary small" onClick={() => void decide('approve')}>{t('expense.approve')}</button>
          <button type="button" class="secondary" onClick={() => setRejecting(true)}>{t('expense.reject')}</button>
        </div>
      )}
    </li>
  );
}

/** What waits for the approver: claims at their step, oldest first, and pre-approval requests. */
export function ApprovalsScreen() {
  const { data: approvals, error, reload } = useLoad(() => api<Approvals>('/api/v1/expense-claims/approvals'), []);

  return (
    <Screen title={t('expense.approvals')}>
      {error && <p class="error" role="alert">{error}</p>}
      {!approvals ? (
        !error && <p role="status">{t('loading')}</p>
      ) : approvals.claims.length === 0 && approvals.preApprovals.length === 0 ? (
        <EmptyState icon="deals" title={t('expense.nothingWaiting')} body={t('expense.nothingWaitingBody')} />
      ) : (
        <>
          {approvals.claims.length > 0 && (
            <section aria-labelledby="waiting-claims-h">
              <h2 id="waiting-claims-h">{t('expense.waitingClaims', { n: approvals.claims.length })}</h2>
              <ul class="plain">{approvals.claims.map((c) => <ClaimItem key={c.id} claim={c} showName />)}</ul>
            </section>
          )}
          {approvals.preApprovals.length > 0 && (
            <section aria-labelledby="waiting-pre-h">
              <h2 id="waiting-pre-h">{t('expense.waitingPreApprovals', { n: approvals.preApprovals.length })}</h2>
              <ul class="plain">{approvals.preApprovals.map((p) => <PreApprovalItem key={p.id} p={p} onDone={() => void reload()} />)}</ul>
            </section>
          )}
        </>
      )}
    </Screen>
  );
}
