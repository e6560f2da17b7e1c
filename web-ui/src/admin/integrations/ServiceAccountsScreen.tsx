import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { t, type MessageKey } from '../../i18n/i18n';
import { describeError } from '../../i18n/problems';
import { me } from '../../shared/profile';
import { loadTeams, nameOf, type Team } from '../../team/people';
import { Screen } from '../../shell/Screen';
import { GRANTS, type Grant, type GrantsChange, type IssuedSecret, type ServiceAccount, type ServiceAccountCreate } from '../common/model';
import { Note, SecretOnce, type Message } from '../common/Secret';
import type { ListOf } from '../../api/types';

const grantLabel = (grant: Grant) => t(`orgAdmin.grant.${grant}` as MessageKey);

/**
 * Service accounts for integrators: the list, a new one (its secret shown once), each one's grants,
 * a new secret (shown once), deactivation. Online only: a secret must be seen the moment it is made.
 */
export function ServiceAccountsScreen() {
  const [accounts, setAccounts] = useState<ServiceAccount[]>();
  const [cursor, setCursor] = useState<string>();
  const [teams, setTeams] = useState<Team[]>([]);
  const [secret, setSecret] = useState<IssuedSecret>();
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  async function load(after?: string) {
    try {
      const page = await api<ListOf<'ServiceAccountResource_list', ServiceAccount>>(`/api/v1/service-accounts?limit=50${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setAccounts((list) => (after ? [...(list ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }
  useEffect(() => {
    void load();
    const profile = me.get();
    if (profile) void loadTeams(profile).then(setTeams).catch(() => setTeams([]));
  }, []);

  async function run(action: () => Promise<void>, done: MessageKey) {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
      setMessage({ text: t(done), error: false });
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      name: String(data.get('name')).trim(),
      teamId: data.get('teamId') ? String(data.get('teamId')) : undefined,
      grants: GRANTS.filter((g) => data.get(`grant-${g}`)),
    } satisfies ServiceAccountCreate;
    void run(async () => {
      const issued = await api<IssuedSecret>('/api/v1/service-accounts', { method: 'POST', body });
      setSecret(issued);
      form.reset();
      // the list is in creation order: the new one goes at the end of what is shown
      const account: ServiceAccount = { id: issued.id, name: issued.name, clientId: issued.clientId, teamId: issued.teamId, active: true,
        grants: issued.grants };
      setAccounts((list) => [...(list ?? []).filter((a) => a.id !== account.id), account]);
    }, 'orgAdmin.accountCreated');
  }

  const replace = (account: ServiceAccount) => setAccounts((list) => list?.map((a) => (a.id === account.id ? account : a)));

  function toggleGrant(account: ServiceAccount, grant: Grant, on: boolean) {
    const grants = on ? [...new Set([...account.grants, grant])] : account.grants.filter((g) => g !== grant);
    void run(async () => {
      replace(await api<ServiceAccount>(`/api/v1/service-accounts/${account.id}/grants`, { method: 'PUT', body: { grants } satisfies GrantsChange }));
    }, 'orgAdmin.grantsSaved');
  }

  function rotate(account: ServiceAccount) {
    if (!confirm(t('orgAdmin.rotateConfirm', { name: account.name }))) return;
    void run(async () => {
      setSecret(await api<IssuedSecret>(`/api/v1/service-accounts/${account.id}/secret`, { method: 'POST' }));
    }, 'orgAdmin.secretRotated');
  }

  function deactivate(account: ServiceAccount) {
    if (!confirm(t('orgAdmin.deactivateConfirm', { name: account.name }))) return;
    void run(async () => {
      replace(await api<ServiceAccount>(`/api/v1/service-accounts/${account.id}/deactivate`, { method: 'POST' }));
    }, 'orgAdmin.deactivated');
  }

  return (
    <Screen title={t('orgAdmin.serviceAccounts')}>
      <p class="muted">{t('orgAdmin.serviceAccountsIntro')}</p>
      {secret && (
        <SecretOnce label={t('orgAdmin.secretOf', { name: secret.name })} value={secret.clientSecret} onDone={() => setSecret(undefined)} />
      )}
      {secret && (
        <dl class="facts card" data-testid="issued">
          <dt>{t('orgAdmin.clientId')}</dt>
          <dd><code>{secret.clientId}</code></dd>
        </dl>
      )}
      <Note message={message} />

      <form class="card" onSubmit={create} aria-labelledby="new-account-h">
        <h2 id="new-account-h">{t('orgAdmin.newAccount')}</h2>
        <label for="sa-name">{t('orgAdmin.accountName')}</label>
        <input id="sa-name" name="name" required maxLength={120} />
        <label for="sa-team">{t('orgAdmin.accountTeam')}</label>
        <select id="sa-team" name="teamId">
          <option value="">{t('orgAdmin.allTeams')}</option>
          {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
        <fieldset>
          <legend>{t('orgAdmin.grants')}</legend>
          {GRANTS.map((g) => (
            <label class="choice" key={g}>
              <input type="checkbox" name={`grant-${g}`} value="on" />
              {grantLabel(g)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>{t('orgAdmin.create')}</button>
      </form>

      {!accounts ? (
        !message && <p role="status">{t('loading')}</p>
      ) : accounts.length === 0 ? (
        <p class="muted">{t('orgAdmin.noAccounts')}</p>
      ) : (
        <ul class="plain" aria-label={t('orgAdmin.serviceAccounts')}>
          {accounts.map((a) => (
            <li key={a.id} class="card" data-testid="service-account">
              <div class="between">
                <strong>{a.name}</strong>
                <span class={a.active ? 'chip' : 'chip chip-warn'}>{t(a.active ? 'orgAdmin.active' : 'orgAdmin.inactive')}</span>
              </div>
              <dl class="facts">
                <dt>{t('orgAdmin.clientId')}</dt>
                <dd><code>{a.clientId ?? '—'}</code></dd>
                <dt>{t('orgAdmin.accountTeam')}</dt>
                <dd>{a.teamId ? nameOf(teams, a.teamId) : t('orgAdmin.allTeams')}</dd>
                <dt>{t('orgAdmin.lastUsed')}</dt>
                <dd>{a.lastUsedAt ? formatDate(new Date(a.lastUsedAt), { dateStyle: 'medium', timeStyle: 'short' }) : t('orgAdmin.never')}</dd>
              </dl>
              {a.active && (
                <>
                  <fieldset class="bare">
                    <legend>{t('orgAdmin.grants')}</legend>
                    {GRANTS.map((g) => (
                      <label class="choice" key={g}>
                        <input type="checkbox" checked={a.grants.includes(g)} disabled={busy}
                          onChange={(e) => toggleGrant(a, g, (e.currentTarget as HTMLInputElement).checked)} />
                        {grantLabel(g)}
                      </label>
                    ))}
                  </fieldset>
                  <div class="actions">
                    <button type="button" class="secondary" disabled={busy} onClick={() => rotate(a)}>
                      {t('orgAdmin.rotate')}<span class="visually-hidden"> · {a.name}</span>
                    </button>
                    <button type="button" class="secondary" disabled={busy} onClick={() => deactivate(a)}>
                      {t('orgAdmin.deactivate')}<span class="visually-hidden"> · {a.name}</span>
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {cursor && <button type="button" class="secondary" onClick={() => void load(cursor)}>{t('orgAdmin.more')}</button>}
    </Screen>
  );
}
