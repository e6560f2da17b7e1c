import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile, Role } from '../shared/profile';
import { followLink } from '../platform/router';
import { Screen } from '../shell/Screen';
import { issueReset, loadTeams, loadUser, reissueInvite } from './api';
import { LinkPanel } from './LinkPanel';
import {
  grantableRoles, mayGiveManagedTeams, mayManage, mayNameApprovers, treeOrder, type AccessLink, type AdminTeam, type User, type UserUpdate,
} from './model';

/** One person: their details to change (what the caller may change), deactivation, and invite or reset links. */
export function PersonScreen({ id, profile }: { id: string; profile: Profile }) {
  const [user, setUser] = useState<User>();
  const [etag, setEtag] = useState<string>();
  const [teams, setTeams] = useState<AdminTeam[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [role, setRole] = useState<Role>('REP');
  const [confirming, setConfirming] = useState(false);
  const [link, setLink] = useState<AccessLink>();
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function load() {
    try {
      const answer = await loadUser(id);
      setUser(answer.user);
      setEtag(answer.etag);
      setRole(answer.user.role);
      setFormKey((k) => k + 1);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    void load();
    loadTeams().then(setTeams, () => setTeams([]));
  }, [id]);

  if (!user || !teams) {
    // the form's choices (its team) are set when it first shows, so it waits for the teams too
    return <Screen title={t('admin.person.title')}>{error ? <p class="error" role="alert">{error}</p> : <p>{t('loading')}</p>}</Screen>;
  }
  const current = user;
  const editable = mayManage(profile, current) && current.active;
  const roles = grantableRoles(profile);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('admin.person.stale'));
        await load();
      } else {
        setError(describeError(e));
        setFields(e instanceof ApiError ? Object.fromEntries((e.problem.errors ?? []).map((f) => [f.field, f.message])) : {});
      }
    } finally {
      setBusy(false);
    }
  }

  function save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const patch: UserUpdate = {};
    const put = <K extends keyof UserUpdate & keyof User>(name: K, value: UserUpdate[K]) => {
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[name] ?? (name === 'phone' ? '' : undefined))) patch[name] = value;
    };
    put('displayName', text('displayName'));
    put('phone', text('phone'));
    put('timeZone', text('timeZone'));
    put('locale', text('locale'));
    if (text('hiredOn')) put('hiredOn', text('hiredOn'));
    if (roles.length > 1) put('role', role);
    if (text('teamId')) put('teamId', text('teamId'));
    if (mayGiveManagedTeams(profile) && role === 'MANAGER') {
      const managed = form.getAll('managedTeamIds').map(String).sort();
      if (JSON.stringify(managed) !== JSON.stringify([...(current.managedTeamIds ?? [])].sort())) patch.managedTeamIds = managed;
    }
    if (mayNameApprovers(profile)) put('financeApprover', form.get('financeApprover') === 'on');
    if (!Object.keys(patch).length) {
      setNotice(t('admin.person.unchanged'));
      return;
    }
    void act(async () => {
      await api(`/api/v1/users/${current.id}`, { method: 'PATCH', body: patch, headers: etag ? { 'If-Match': etag } : undefined });
      setFields({});
      await load();
      setNotice(t('admin.person.saved'));
    });
  }

  const activate = (active: boolean) => act(async () => {
    await api(`/api/v1/users/${current.id}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
    setConfirming(false);
    setLink(undefined);
    await load();
    setNotice(active ? t('admin.person.reactivated') : t('admin.person.deactivatedNotice'));
  });

  const issue = (kind: 'invite' | 'reset') => act(async () => {
    setLink(kind === 'invite' ? await reissueInvite(current.id) : await issueReset(current.id));
    await load();
  });

  const fieldError = (name: string) => fields[name] && <span class="field-error" id={`person-${name}-error`}>{fields[name]}</span>;
  /** Marks a field the server refused, pointing at why. */
  const invalid = (name: string) => (fields[name] ? { 'aria-invalid': true, 'aria-describedby': `person-${name}-error` } : {});
  const teamRows = treeOrder(teams);

  return (
    <Screen title={current.displayName}>
      <p>
        <a href="/admin/people" onClick={followLink}>{t('admin.people.back')}</a>
      </p>
      <dl class="facts card">
        <dt>{t('admin.person.email')}</dt>
        <dd>{current.email}</dd>
        <dt>{t('admin.person.status')}</dt>
        <dd data-testid="person-status">
          {!current.active ? t('admin.people.deactivated') : current.passwordSet ? t('admin.people.active') : t('admin.people.invited')}
        </dd>
      </dl>
      {notice && <p class="status" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {link && <LinkPanel link={link} name={current.displayName} />}
      {current.id === profile.id && (
        <p class="card muted">
          {t('admin.person.yourself')} <a href="/me" onClick={followLink}>{t('nav.me')}</a>
        </p>
      )}

      <form class="card" onSubmit={save} key={formKey} aria-labelledby="person-form-heading">
        <h2 id="person-form-heading">{t('admin.person.details')}</h2>
        <fieldset disabled={!editable || busy}>
          <label for="person-name">{t('admin.person.displayName')}</label>
          <input id="person-name" name="displayName" defaultValue={current.displayName} required maxLength={120} {...invalid('displayName')} />
          {fieldError('displayName')}
          <div class="row">
            <div>
              <label for="person-role">{t('admin.person.role')}</label>
              <select id="person-role" value={role} disabled={roles.length < 2}
                onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
                {[...new Set([current.role, ...roles])].map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}
              </select>
            </div>
            <div>
              <label for="person-team">{t('admin.person.team')}</label>
              <select id="person-team" name="teamId" {...invalid('teamId')}>
                {!current.teamId && <option value="">{t('admin.person.noTeam')}</option>}
                {teamRows.map(({ team, depth }) => (
                  <option key={team.id} value={team.id} selected={team.id === current.teamId}>{`${'  '.repeat(depth)}${team.name}`}</option>
                ))}
              </select>
              {fieldError('teamId')}
            </div>
          </div>
          {role === 'MANAGER' && mayGiveManagedTeams(profile) && (
            <fieldset>
              <legend>{t('admin.person.managedTeams')}</legend>
              {teamRows.map(({ team, depth }) => (
                <label class="choice" key={team.id}>
                  <input type="checkbox" name="managedTeamIds" value={team.id} defaultChecked={current.managedTeamIds?.includes(team.id)} />
                  {`${'· '.repeat(depth)}${team.name}`}
                </label>
              ))}
            </fieldset>
          )}
          {mayNameApprovers(profile) && (
            <label class="choice">
              <input type="checkbox" name="financeApprover" defaultChecked={current.financeApprover} />
              {t('admin.person.financeApprover')}
            </label>
          )}
          <div class="row">
            <div>
              <label for="person-hired">{t('admin.person.hiredOn')}</label>
              <input id="person-hired" name="hiredOn" type="date" defaultValue={current.hiredOn ?? ''} />
            </div>
            <div>
              <label for="person-phone">{t('admin.person.phone')}</label>
              <input id="person-phone" name="phone" type="tel" maxLength={40} defaultValue={current.phone ?? ''} />
            </div>
          </div>
          <div class="row">
            <div>
              <label for="person-zone">{t('admin.person.timeZone')}</label>
              <input id="person-zone" name="timeZone" maxLength={64} defaultValue={current.timeZone} {...invalid('timeZone')} />
              {fieldError('timeZone')}
            </div>
            <div>
              <label for="person-locale">{t('admin.person.language')}</label>
              <select id="person-locale" name="locale">
                <option value="zh-CN" lang="zh-CN" selected={current.locale === 'zh-CN'}>中文（简体）</option>
                <option value="en" lang="en" selected={current.locale === 'en'}>English</option>
              </select>
            </div>
          </div>
          {editable && (
            <div class="actions wrap">
              <button type="submit" class="primary">{t('admin.person.save')}</button>
            </div>
          )}
        </fieldset>
      </form>

      {mayManage(profile, current) && (
        <section class="card" aria-labelledby="person-access-heading">
          <h2 id="person-access-heading">{t('admin.person.access')}</h2>
          {current.active && (
            <div class="actions wrap">
              {!current.passwordSet && (
                <button type="button" class="secondary" disabled={busy} onClick={() => void issue('invite')}>{t('admin.person.newInvite')}</button>
              )}
              <button type="button" class="secondary" disabled={busy} onClick={() => void issue('reset')}>{t('admin.person.reset')}</button>
            </div>
          )}
          {current.active && <p class="muted">{t('admin.person.resetExplain')}</p>}
          {current.active ? (
            confirming ? (
              <div role="group" aria-labelledby="confirm-deactivate">
                <p id="confirm-deactivate" class="warning">{t('admin.person.confirmDeactivate', { name: current.displayName })}</p>
                <div class="actions wrap">
                  <button type="button" class="primary" disabled={busy} onClick={() => void activate(false)}>{t('admin.person.deactivateNow')}</button>
                  <button type="button" class="secondary" onClick={() => setConfirming(false)}>{t('admin.person.cancel')}</button>
                </div>
              </div>
            ) : (
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>{t('admin.person.deactivate')}</button>
            )
          ) : (
            <button type="button" class="primary" disabled={busy} onClick={() => void activate(true)}>{t('admin.person.reactivate')}</button>
          )}
        </section>
      )}
    </Screen>
  );
}
