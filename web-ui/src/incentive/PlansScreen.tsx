import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { Screen } from '../shell/Screen';
import { useTeams } from '../team/TeamPicker';
import { money, type Plan, type PlanOneOff, type PlanTier, type PlanWrite } from './model';
import type { ListOf } from '../api/types';

/** The editor's plan: figures as typed (an empty upper bound, threshold or cap: none). */
type DraftTier = Omit<PlanTier, 'to'> & { to?: string | null };
type DraftOneOff = Omit<PlanOneOff, 'above'> & { above?: string | null };
type Draft = Omit<Plan, 'id' | 'version' | 'tiers' | 'oneOffs'> & { id?: string; version?: number; tiers: DraftTier[]; oneOffs: DraftOneOff[] };

/** The plan as the API takes it, its figures as numbers; the fields whose text is not a number are named instead. */
function planWrite(plan: Draft): PlanWrite | string[] {
  const invalid: string[] = [];
  const decimal = (text: string | null | undefined, field: string): number | undefined => {
    if (text == null || text.trim() === '') return undefined;
    const value = Number(text.trim());
    if (Number.isNaN(value)) invalid.push(field);
    return value;
  };
  const body: PlanWrite = {
    name: plan.name, periodKind: plan.periodKind, appliesToRole: plan.appliesToRole, teamId: plan.teamId, base: plan.base,
    currency: plan.currency, cap: decimal(plan.cap, 'cap'),
    tiers: plan.tiers.map((tier, i) => ({
      from: decimal(tier.from, `tiers[${i}].from`), to: decimal(tier.to, `tiers[${i}].to`),
      rate: decimal(tier.rate, `tiers[${i}].rate`), extraRate: decimal(tier.extraRate, `tiers[${i}].extraRate`),
    })),
    oneOffs: plan.oneOffs.map((rule, i) => ({ kind: rule.kind, reward: decimal(rule.reward, `oneOffs[${i}].reward`), above: decimal(rule.above, `oneOffs[${i}].above`) })),
  };
  return invalid.length ? invalid : body;
}

const NEW_PLAN: Draft = {
  name: '', periodKind: 'MONTH', appliesToRole: 'REP', base: 'REVENUE_WON', currency: 'CNY', cap: '',
  tiers: [
    { from: '0', to: '80', rate: '0' }, { from: '80', to: '100', rate: '2' },
    { from: '100', to: '120', rate: '3' }, { from: '120', to: null, rate: '3', extraRate: '2' },
  ],
  oneOffs: [],
};

/** Commission plans (admins): the list, and an editor for tiers, one-off rewards and the cap. */
export function PlansScreen({ profile }: { profile: Profile }) {
  const teams = useTeams(profile);
  const [plans, setPlans] = useState<Plan[]>();
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();

  async function load() {
    try {
      setPlans((await api<ListOf<'CommissionPlanResource_list', Plan>>('/api/v1/commission/plans?limit=200')).items);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => void load(), []);

  async function save(plan: Draft) {
    const body = planWrite(plan);
    if (Array.isArray(body)) {
      setError(t('problem.validation', { fields: body.join(', ') }));
      return;
    }
    try {
      await api(plan.id ? `/api/v1/commission/plans/${plan.id}` : '/api/v1/commission/plans', {
        method: plan.id ? 'PUT' : 'POST', body, headers: plan.id ? { 'If-Match': `W/"${plan.version}"` } : undefined,
      });
      setDraft(undefined);
      setSaved(t('plans.saved', { name: plan.name }));
      setError(undefined);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function remove(plan: Draft) {
    try {
      await api(`/api/v1/commission/plans/${plan.id}`, { method: 'DELETE', headers: { 'If-Match': `W/"${plan.version}"` } });
      setDraft(undefined);
      setSaved(t('plans.deleted', { name: plan.name }));
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const teamName = (id?: string) => teams.list.find((x) => x.id === id)?.name ?? id ?? '';
  return (
    <Screen title={t('plans.title')}>
      {(error ?? teams.error) && <p class="error" role="alert">{error ?? teams.error}</p>}
      {saved && <p class="status" role="status">{saved}</p>}
      {draft ? (
        <PlanEditor draft={draft} teams={teams.list} onSave={(p) => void save(p)} onCancel={() => setDraft(undefined)}
          onDelete={draft.id ? () => void remove(draft) : undefined} />
      ) : (
        <>
          <button type="button" class="primary" onClick={() => { setSaved(undefined); setDraft(structuredClone(NEW_PLAN)); }}>{t('plans.new')}</button>
          {!plans ? (!error && <p role="status">{t('loading')}</p>) : plans.length === 0 ? <p class="muted">{t('plans.none')}</p> : (
            <ul class="plain" data-testid="plans">
              {plans.map((p) => (
                <li key={p.id} class="card">
                  <div class="between">
                    <strong>{p.name}</strong>
                    <button type="button" class="secondary" onClick={() => { setSaved(undefined); setDraft(structuredClone(p)); }}>{t('plans.edit')}</button>
                  </div>
                  <p class="muted">
                    {t(p.periodKind === 'MONTH' ? 'plans.monthly' : 'plans.quarterly')} · {p.teamId ? teamName(p.teamId) : t(`role.${p.appliesToRole ?? 'REP'}` as MessageKey)} ·{' '}
                    {t(p.base === 'COLLECTED' ? 'commission.base.COLLECTED' : 'commission.base.REVENUE_WON')}
                    {p.cap ? ` · ${t('commission.cap')} ${money(p.cap, p.currency)}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Screen>
  );
}

function PlanEditor({ draft, teams, onSave, onCancel, onDelete }: {
  draft: Draft; teams: { id: string; name: string }[]; onSave: (plan: Draft) => void; onCancel: () => void; onDelete?: () => void;
}) {
  const [plan, setPlan] = useState<Draft>(draft);
  const set = (patch: Partial<Draft>) => setPlan({ ...plan, ...patch });
  const setTier = (i: number, patch: Partial<DraftTier>) => set({ tiers: plan.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setOneOff = (i: number, patch: Partial<DraftOneOff>) => set({ oneOffs: plan.oneOffs.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const scope = plan.teamId ?? `role:${plan.appliesToRole ?? 'REP'}`;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <form class="card" data-testid="plan-editor" onSubmit={(e) => { e.preventDefault(); onSave(plan); }}>
      <label for="plan-name">{t('plans.name')}</label>
      <input id="plan-name" required maxLength={120} value={plan.name} onInput={(e) => set({ name: value(e) })} />
      <div class="row">
        <div>
          <label for="plan-kind">{t('plans.periodKind')}</label>
          <select id="plan-kind" value={plan.periodKind} onChange={(e) => set({ periodKind: value(e) as Draft['periodKind'] })}>
            <option value="MONTH">{t('plans.monthly')}</option>
            <option value="QUARTER">{t('plans.quarterly')}</option>
          </select>
        </div>
        <div>
          <label for="plan-scope">{t('plans.appliesTo')}</label>
          <select id="plan-scope" value={scope} onChange={(e) => {
            const v = value(e);
            set(v.startsWith('role:') ? { appliesToRole: v.slice(5) as Draft['appliesToRole'], teamId: undefined } : { teamId: v, appliesToRole: undefined });
          }}>
            <option value="role:REP">{t('role.REP')}</option>
            <option value="role:MANAGER">{t('role.MANAGER')}</option>
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
        </div>
      </div>
      <div class="row">
        <div>
          <label for="plan-base">{t('commission.base')}</label>
          <select id="plan-base" value={plan.base} onChange={(e) => set({ base: value(e) as Draft['base'] })}>
            <option value="REVENUE_WON">{t('commission.base.REVENUE_WON')}</option>
            <option value="COLLECTED">{t('commission.base.COLLECTED')}</option>
          </select>
        </div>
        <div>
          <label for="plan-currency">{t('plans.currency')}</label>
          <input id="plan-currency" required pattern="[A-Z]{3}" maxLength={3} value={plan.currency} onInput={(e) => set({ currency: value(e).toUpperCase() })} />
        </div>
        <div>
          <label for="plan-cap">{t('plans.cap')}</label>
          <input id="plan-cap" inputMode="decimal" value={plan.cap ?? ''} onInput={(e) => set({ cap: value(e) })} />
        </div>
      </div>
      <fieldset>
        <legend>{t('plans.tiers')}</legend>
        <p class="muted">{t('plans.tiersHint')}</p>
        {plan.tiers.map((tier, i) => (
          <div class="row" key={i}>
            <div><label for={`tier-${i}-from`}>{t('plans.from')}</label>
              <input id={`tier-${i}-from`} inputMode="decimal" required value={tier.from} onInput={(e) => setTier(i, { from: value(e) })} /></div>
            <div><label for={`tier-${i}-to`}>{t('plans.to')}</label>
              <input id={`tier-${i}-to`} inputMode="decimal" value={tier.to ?? ''} onInput={(e) => setTier(i, { to: value(e) || null })} /></div>
            <div><label for={`tier-${i}-rate`}>{t('plans.rate')}</label>
              <input id={`tier-${i}-rate`} inputMode="decimal" required value={tier.rate} onInput={(e) => setTier(i, { rate: value(e) })} /></div>
            <div><label for={`tier-${i}-extra`}>{t('plans.extraRate')}</label>
              <input id={`tier-${i}-extra`} inputMode="decimal" value={tier.extraRate ?? ''} onInput={(e) => setTier(i, { extraRate: value(e) || undefined })} /></div>
            <div><button type="button" class="secondary" aria-label={t('plans.removeTier', { n: i + 1 })}
              onClick={() => set({ tiers: plan.tiers.filter((_, j) => j !== i) })}>×</button></div>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => set({ tiers: [...plan.tiers, { from: plan.tiers.at(-1)?.to ?? '0', to: null, rate: '0' }] })}>
          {t('plans.addTier')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('plans.oneOffs')}</legend>
        {plan.oneOffs.map((rule, i) => (
          <div class="row" key={i}>
            <div><label for={`oneoff-${i}-kind`}>{t('plans.oneOffKind')}</label>
              <select id={`oneoff-${i}-kind`} value={rule.kind} onChange={(e) => setOneOff(i, { kind: value(e) as PlanOneOff['kind'], above: value(e) === 'KEY_ACCOUNT_WON' ? null : rule.above })}>
                <option value="DEAL_WON_ABOVE">{t('commission.line.DEAL_WON_ABOVE')}</option>
                <option value="KEY_ACCOUNT_WON">{t('commission.line.KEY_ACCOUNT_WON')}</option>
              </select></div>
            {rule.kind === 'DEAL_WON_ABOVE' && (
              <div><label for={`oneoff-${i}-above`}>{t('plans.above')}</label>
                <input id={`oneoff-${i}-above`} inputMode="decimal" required value={rule.above ?? ''} onInput={(e) => setOneOff(i, { above: value(e) })} /></div>
            )}
            <div><label for={`oneoff-${i}-reward`}>{t('plans.reward')}</label>
              <input id={`oneoff-${i}-reward`} inputMode="decimal" required value={rule.reward} onInput={(e) => setOneOff(i, { reward: value(e) })} /></div>
            <div><button type="button" class="secondary" aria-label={t('plans.removeOneOff', { n: i + 1 })}
              onClick={() => set({ oneOffs: plan.oneOffs.filter((_, j) => j !== i) })}>×</button></div>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => set({ oneOffs: [...plan.oneOffs, { kind: 'DEAL_WON_ABOVE', reward: '', above: '' }] })}>
          {t('plans.addOneOff')}
        </button>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">{t('plans.save')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('plans.cancel')}</button>
        {onDelete && <button type="button" class="secondary" onClick={onDelete}>{t('plans.delete')}</button>}
      </div>
    </form>
  );
}
