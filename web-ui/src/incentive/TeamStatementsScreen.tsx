import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { userToday } from '../shared/metrics';
import { StatementPeriodPicker } from './StatementScreen';
import { money, percentText, statementPeriods, tierText, type Statement } from './model';
import type { Always, ListOf, Returns } from '../api/types';

/** The statements of the reps in your teams for a period; directors and admins close a period that has ended. */
export function TeamStatementsScreen({ profile }: { profile: Profile }) {
  const [period, setPeriod] = useState(statementPeriods(userToday())[0]);
  const [statements, setStatements] = useState<Statement[]>();
  const [error, setError] = useState<string>();
  const [closed, setClosed] = useState<string>();
  const approver = profile.role === 'ADMIN' || profile.role === 'DIRECTOR';

  async function load() {
    try {
      const page = await api<ListOf<'CommissionResource_list', Statement>>(`/api/v1/commission/statements?period=${period}&limit=200`);
      setStatements(page.items);
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    setStatements(undefined);
    setClosed(undefined);
    void load();
  }, [period]);

  async function close() {
    try {
      const result = await api<Always<Returns<'CommissionResource_close'>, 'statements'>>(`/api/v1/commission/periods/${period}/close`, { method: 'POST' });
      setClosed(t('commission.closed', { n: formatNumber(result.statements) }));
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const open = statements?.some((s) => s.status === 'LIVE');
  return (
    <Screen title={t('commission.teamTitle')}>
      {profile.role === 'ADMIN' && (
        <div class="card links"><a href="/commission/plans" onClick={followLink}>{t('commission.plans')}</a></div>
      )}
      <StatementPeriodPicker id="team-statement-period" value={period} onChange={setPeriod} />
      {error && <p class="error" role="alert">{error}</p>}
      {closed && <p class="status" role="status">{closed}</p>}
      {!statements ? (
        !error && <p role="status">{t('loading')}</p>
      ) : statements.length === 0 ? (
        <p class="muted">{t('commission.noneInTeam')}</p>
      ) : (
        <div class="scroll-x" tabIndex={0} role="region" aria-label={t('commission.teamTitle')}>
          <table data-testid="team-statements">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.rep')}</th>
                <th scope="col" class="num">{t('commission.achievement')}</th>
                <th scope="col">{t('commission.tier')}</th>
                <th scope="col" class="num">{t('commission.total')}</th>
                <th scope="col">{t('commission.status')}</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((s) => (
                <tr key={s.repId}>
                  <th scope="row"><a href={`/commission?rep=${s.repId}&period=${s.period}`} onClick={followLink}>{s.repName}</a></th>
                  <td class="num">{percentText(s.achievement)}</td>
                  <td>{s.tier ? tierText(s.tier) : t('commission.noTier')}</td>
                  <td class="num">{money(s.total, s.currency)}</td>
                  <td>{s.status === 'FROZEN' ? t('commission.frozen') : t('commission.live')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {approver && open && (
        <button type="button" class="secondary" onClick={() => void close()}>{t('commission.close')}</button>
      )}
    </Screen>
  );
}
