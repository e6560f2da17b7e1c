import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { me, type Profile } from '../shared/profile';
import { Screen } from '../shell/Screen';
import { queueWrite } from '../sync/sync';
import { useTeams } from '../team/TeamPicker';
import { CATEGORIES, categoryLabel, currentMonth, type Category, type PreApprovalCreate } from './model';

/** Asking, ahead of spending, for more than a budget allows; a director or admin decides. Queued in the outbox. */
export function PreApprovalScreen({ profile }: { profile: Profile }) {
  const teams = useTeams(profile);
  const [sent, setSent] = useState(false);
  const ownTeam = profile.teamId ? [{ id: profile.teamId, name: t('expense.myTeam') }] : [];
  const choices = [...ownTeam, ...teams.list.filter((team) => team.id !== profile.teamId)];

  async function send(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    await queueWrite({
      method: 'POST',
      path: '/api/v1/expense-pre-approvals',
      body: {
        teamId: text('teamId') ?? '', category: text('category') as Category, month: text('month') ?? '', amount: Number(text('amount')),
        currency: text('currency')?.toUpperCase() ?? '', reason: text('reason') ?? '',
      } satisfies PreApprovalCreate,
      label: 'outbox.preApproval',
      userId: me.get()!.id,
    });
    setSent(true);
  }

  return (
    <Screen title={t('expense.preApproval')}>
      <p class="muted">{t('expense.preApprovalIntro')}</p>
      {sent ? (
        <p class="status" role="status">{t('expense.preApprovalSent')}</p>
      ) : (
        <form onSubmit={send} aria-label={t('expense.preApproval')}>
          <label for="pre-team">{t('dashboard.team')}</label>
          <select id="pre-team" name="teamId" required>
            {choices.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
          <div class="row">
            <div>
              <label for="pre-category">{t('expense.category')}</label>
              <select id="pre-category" name="category">
                {CATEGORIES.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
              </select>
            </div>
            <div>
              <label for="pre-month">{t('expense.month')}</label>
              <input id="pre-month" name="month" type="month" required defaultValue={currentMonth(profile.timeZone)} />
            </div>
          </div>
          <div class="row">
            <div>
              <label for="pre-amount">{t('expense.amount')}</label>
              <input id="pre-amount" name="amount" required inputMode="decimal" pattern="[0-9]+([.][0-9]{1,3})?" />
            </div>
            <div>
              <label for="pre-currency">{t('expense.currency')}</label>
              <input id="pre-currency" name="currency" required defaultValue="CNY" pattern="[A-Za-z]{3}" maxLength={3} />
            </div>
          </div>
          <label for="pre-reason">{t('expense.reason')}</label>
          <textarea id="pre-reason" name="reason" required maxLength={1000} rows={3} />
          <div class="actions"><button type="submit" class="primary">{t('expense.sendPreApproval')}</button></div>
        </form>
      )}
    </Screen>
  );
}
