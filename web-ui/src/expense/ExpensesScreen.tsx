import { api } from '../api/client';
import { formatDate, formatMoney } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { Profile } from '../shared/profile';
import { followLink } from '../platform/router';
import { EmptyState, Screen } from '../shell/Screen';
import { categoryLabel, isApprover, statusLabel, type Claim } from './model';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

export const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), { year: 'numeric', month: 'short', day: 'numeric' });

/** One claim in a list: what, when, how much and where it stands. */
export function ClaimItem({ claim, showName }: { claim: Claim; showName?: boolean }) {
  return (
    <li class={`card agenda-item${claim.status === 'RETURNED' ? ' overdue' : ''}`} data-testid="expense-claim">
      <a href={`/expenses/${claim.id}`} onClick={followLink} class="title-link">
        {showName ? `${claim.userName} · ` : ''}{categoryLabel(claim.category)} · {formatMoney(claim.amount, claim.currency)}
      </a>
      <p class="chips">
        <span class={`chip${claim.status === 'RETURNED' ? ' chip-warn' : ''}`}>{statusLabel(claim.status)}</span>
        <span class="chip">{day(claim.spentOn)}</span>
      </p>
      <p class="muted">{claim.description}</p>
    </li>
  );
}

/** My expense claims, newest first, with the way to file one, the budgets and (for approvers) the queue. */
export function ExpensesScreen({ profile }: { profile: Profile }) {
  const { data: claims, error } = useLoad(
    async () => (await api<ListOf<'ExpenseClaimResource_list', Claim>>(`/api/v1/expense-claims?userId=${profile.id}&limit=100`)).items,
    [profile.id],
  );

  return (
    <Screen title={t('expense.title')}>
      <div class="card links">
        <a href="/expenses/new" onClick={followLink}>{t('expense.new')}</a>
        {isApprover(profile) && <a href="/expenses/approvals" onClick={followLink}>{t('expense.approvals')}</a>}
        <a href="/expenses/budgets" onClick={followLink}>{t('expense.budgets')}</a>
        <a href="/expenses/pre-approval" onClick={followLink}>{t('expense.preApproval')}</a>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <h2>{t('expense.mine')}</h2>
      {!claims ? (
        !error && <p role="status">{t('loading')}</p>
      ) : claims.length === 0 ? (
        <EmptyState icon="deals" title={t('expense.noneTitle')} body={t('expense.noneBody')} />
      ) : (
        <ul class="plain">{claims.map((c) => <ClaimItem key={c.id} claim={c} />)}</ul>
      )}
    </Screen>
  );
}
