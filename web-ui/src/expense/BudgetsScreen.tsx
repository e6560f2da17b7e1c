import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatMoney } from '../i18n/format';
import { t } from '../i18n/i18n';
import { me, type Profile } from '../shared/profile';
import { EmptyState, Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { useTeams } from '../team/TeamPicker';
import { budgetShares, CATEGORIES, categoryLabel, currentMonth, type Budget, type BudgetCreate, type Category } from './model';
import type { ListOf } from '../api/types';
import { useLoad } from '../shared/useLoad';

/** A budget's bar: spent, then committed, against budget plus pre-approvals. */
function BudgetItem({ b }: { b: Budget }) {
  const shares = budgetShares(b);
  return (
    <li class="card" data-testid="expense-budget">
      <div class="between">
        <strong>{b.teamName} · {categoryLabel(b.category)}</strong>
        <span class={Number(b.remaining) < 0 ? 'chip chip-warn' : 'chip'}>{t('expense.remaining', { amount: formatMoney(b.remaining, b.currency) })}</span>
      </div>
      <div class="bar budget-bar" role="img" aria-label={t('expense.budgetBar', {
        spent: formatMoney(b.spent, b.currency), committed: formatMoney(b.committed, b.currency), amount: formatMoney(b.amount, b.currency),
      })}>
        <span style={{ width: `${shares.spent}%` }} />
        <span class="committed" style={{ width: `${shares.committed}%` }} />
      </div>
      <p class="muted">
        {t('expense.budgetLine', {
          amount: formatMoney(b.amount, b.currency), spent: formatMoney(b.spent, b.currency), committed: formatMoney(b.committed, b.currency),
        })}
        {Number(b.preApproved) > 0 && ` · ${t('expense.preApproved', { amount: formatMoney(b.preApproved, b.currency) })}`}
      </p>
    </li>
  );
}

/** Budgets of a month with what is spent, committed and remaining; directors and admins set them here. */
export function BudgetsScreen({ profile }: { profile: Profile }) {
  const [month, setMonth] = useState(currentMonth(profile.timeZone));
  const [saved, setSaved] = useState(false);
  const setter = profile.role === 'DIRECTOR' || profile.role === 'ADMIN';
  const teams = useTeams(profile);

  const { data: budgets, error, reload } = useLoad(
    async () => (await api<ListOf<'ExpenseBudgetResource_list', Budget>>(`/api/v1/expense-budgets?from=${month}&to=${month}`)).items,
    [month],
  );

  async function set(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    await queueWrite({
      method: 'POST',
      path: '/api/v1/expense-budgets',
      body: {
        teamId: text('teamId') ?? '',
        category: text('category') as Category,
        month,
        amount: Number(text('amount')),
        currency: text('currency')?.toUpperCase() ?? '',
      } satisfies BudgetCreate,
      label: 'outbox.expenseBudget',
      userId: me.get()!.id,
    });
    setSaved(true);
    await reload();
  }

  return (
    <Screen title={t('expense.budgets')}>
      <label for="budget-month">{t('expense.month')}</label>
      <input id="budget-month" type="month" value={month} onChange={(e) => setMonth((e.currentTarget as HTMLInputElement).value || month)} />
      {error && <p class="error" role="alert">{error}</p>}
      {!budgets ? (
        !error && <p role="status">{t('loading')}</p>
      ) : budgets.length === 0 ? (
        <EmptyState icon="deals" title={t('expense.noBudgets')} body={t('expense.noBudgetsBody')} />
      ) : (
        <ul class="plain">{budgets.map((b) => <BudgetItem key={b.id} b={b} />)}</ul>
      )}
      {setter && (
        <section class="card" aria-labelledby="set-budget-h">
          <h2 id="set-budget-h">{t('expense.setBudget')}</h2>
          {saved && <p class="status" role="status">{t('expense.budgetSaved')}</p>}
          <form onSubmit={set}>
            <label for="budget-team">{t('dashboard.team')}</label>
            <select id="budget-team" name="teamId" required>
              {teams.list.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
            <label for="budget-category">{t('expense.category')}</label>
            <select id="budget-category" name="category">
              {CATEGORIES.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
            </select>
            <div class="row">
              <div>
                <label for="budget-amount">{t('expense.amount')}</label>
                <input id="budget-amount" name="amount" required inputMode="decimal" pattern="[0-9]+([.][0-9]{1,3})?" />
              </div>
              <div>
                <label for="budget-currency">{t('expense.currency')}</label>
                <input id="budget-currency" name="currency" required defaultValue="CNY" pattern="[A-Za-z]{3}" maxLength={3} />
              </div>
            </div>
            <div class="actions"><button type="submit" class="primary">{t('expense.setBudget')}</button></div>
          </form>
        </section>
      )}
    </Screen>
  );
}
