import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { currentQuery } from '../platform/router';
import { useStore } from '../platform/store';
import { Screen } from '../shell/Screen';
import { userToday } from '../shared/metrics';
import { lineKind, money, percentText, periodLabel, statementPeriods, tierText, type AdjustmentWrite, type Statement } from './model';
import type { ListOf } from '../api/types';

/** Choosing the statement's month or quarter. */
export function StatementPeriodPicker({ id, value, onChange }: { id: string; value: string; onChange: (period: string) => void }) {
  const choices = statementPeriods(userToday());
  return (
    <>
      <label for={id}>{t('kpi.period')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {(choices.includes(value) ? choices : [value, ...choices]).map((p) => <option key={p} value={p}>{periodLabel(p)}</option>)}
      </select>
    </>
  );
}

/** A rep's commission statement of a period (your own, or ?rep= for a manager), line by line. */
export function StatementScreen({ profile }: { profile: Profile }) {
  const query = new URLSearchParams(useStore(currentQuery));
  const rep = query.get('rep') ?? profile.id;
  const [period, setPeriod] = useState(query.get('period') ?? statementPeriods(userToday())[0]);
  const [statement, setStatement] = useState<Statement | null>();
  const [error, setError] = useState<string>();

  async function load() {
    try {
      const page = await api<ListOf<'CommissionResource_list', Statement>>(`/api/v1/commission/statements?period=${period}&rep=${rep}`);
      setStatement(page.items[0] ?? null);
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    setStatement(undefined);
    void load();
  }, [period, rep]);

  const approver = profile.role === 'ADMIN' || profile.role === 'DIRECTOR';
  return (
    <Screen title={t('commission.title')}>
      <StatementPeriodPicker id="statement-period" value={period} onChange={setPeriod} />
      {error && <p class="error" role="alert">{error}</p>}
      {statement === undefined ? (
        !error && <p role="status">{t('loading')}</p>
      ) : statement === null ? (
        <p class="muted" data-testid="no-statement">{t('commission.none')}</p>
      ) : (
        <>
          <StatementView statement={statement} timeZone={profile.timeZone} />
          {approver && statement.status === 'FROZEN' && statement.id && (
            <AdjustmentForm statementId={statement.id} onDone={setStatement} />
          )}
        </>
      )}
    </Screen>
  );
}

function StatementView({ statement: s, timeZone }: { statement: Statement; timeZone?: string }) {
  return (
    <section class="card" aria-labelledby="statement-h" data-testid="statement">
      <div class="between">
        <h2 id="statement-h">{s.repName} · {periodLabel(s.period)}</h2>
        <span class="chip" data-testid="statement-status">
          {s.status === 'FROZEN' && s.frozenAt
            ? t('commission.frozenOn', { date: formatDate(new Date(s.frozenAt), { dateStyle: 'medium' }, timeZone) })
            : t('commission.live')}
        </span>
      </div>
      <dl class="facts">
        <dt>{t('commission.plan')}</dt><dd>{s.planName}</dd>
        <dt>{t('commission.base')}</dt><dd>{t(s.base === 'COLLECTED' ? 'commission.base.COLLECTED' : 'commission.base.REVENUE_WON')}</dd>
        <dt>{t('commission.actual')}</dt><dd>{money(s.actual, s.currency)}</dd>
        <dt>{t('commission.target')}</dt><dd>{s.target ? money(s.target.value, s.target.currency) : '—'}</dd>
        <dt>{t('commission.achievement')}</dt><dd data-testid="achievement">{percentText(s.achievement)}</dd>
        <dt>{t('commission.tier')}</dt><dd data-testid="tier">{tierText(s.tier)}</dd>
      </dl>
      {s.note && <p class="warning">{t(s.note === 'NO_APPROVED_TARGET' ? 'commission.note.NO_APPROVED_TARGET' : 'commission.note.TARGET_IN_OTHER_CURRENCY')}</p>}
      <div class="scroll-x" tabIndex={0} role="region" aria-label={t('commission.lines')}>
        <table data-testid="statement-lines">
          <caption class="muted">{t('commission.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commission.line')}</th>
              <th scope="col">{t('commission.what')}</th>
              <th scope="col" class="num">{t('commission.amount')}</th>
              <th scope="col" class="num">{t('commission.commission')}</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line, i) => (
              <tr key={`${line.kind}-${line.ref ?? i}-${i}`}>
                <th scope="row">{lineKind(line.kind)}{line.on ? <><br /><span class="muted">{line.on}</span></> : null}</th>
                <td>{line.kind === 'TIER' ? tierText(s.tier) : line.kind === 'CAP' ? t('commission.capOf', { cap: money(s.cap, s.currency) }) : (line.reason ?? line.label ?? '')}</td>
                <td class="num">{line.amount ? money(line.amount, s.currency) : ''}</td>
                <td class="num">{line.commission ? money(line.commission, s.currency) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="facts">
        <dt>{t('commission.subtotal')}</dt><dd>{money(s.subtotal, s.currency)}</dd>
        {s.cap && <><dt>{t('commission.cap')}</dt><dd>{money(s.cap, s.currency)}{s.capped ? ` · ${t('commission.capped')}` : ''}</dd></>}
        {s.adjustments && <><dt>{t('commission.adjustments')}</dt><dd>{money(s.adjustments, s.currency)}</dd></>}
        <dt><strong>{t('commission.total')}</strong></dt><dd data-testid="statement-total"><strong>{money(s.total, s.currency)}</strong></dd>
      </dl>
    </section>
  );
}

function AdjustmentForm({ statementId, onDone }: { statementId: string; onDone: (s: Statement) => void }) {
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      const updated = await api<Statement>(`/api/v1/commission/statements/${statementId}/adjustments`, {
        method: 'POST',
        body: { amount: Number(String(data.get('amount')).trim()), reason: String(data.get('reason')).trim() } satisfies AdjustmentWrite,
      });
      form.reset();
      setSaved(true);
      setError(undefined);
      onDone(updated);
    } catch (e) {
      setError(describeError(e));
    }
  }
  return (
    <form class="card" onSubmit={submit} aria-labelledby="adjust-h">
      <h2 id="adjust-h">{t('commission.adjust')}</h2>
      <p class="muted">{t('commission.adjustHint')}</p>
      <label for="adjust-amount">{t('commission.adjustAmount')}</label>
      <input id="adjust-amount" name="amount" inputMode="decimal" required pattern="-?[0-9]+([.][0-9]+)?" />
      <label for="adjust-reason">{t('commission.adjustReason')}</label>
      <input id="adjust-reason" name="reason" required maxLength={500} />
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p class="status" role="status">{t('commission.adjusted')}</p>}
      <button type="submit" class="primary">{t('commission.adjustSave')}</button>
    </form>
  );
}
