import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { t, type MessageKey } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile, Role } from '../shared/profile';
import { currentQuery, followLink, navigate } from '../platform/router';
import { useStore } from '../platform/store';
import { Screen } from '../shell/Screen';
import { inviteUser, loadTeams } from './api';
import { LinkPanel } from './LinkPanel';
import type { ListOf } from '../api/types';
import { grantableRoles, PEOPLE_ROLES, treeOrder, type AccessLink, type AdminTeam, type User, type UserCreate } from './model';

type Page = ListOf<'UserResource_list', User>;

/** People in the caller's scope: search and filters (kept in the address), and inviting someone new. */
export function PeopleScreen({ profile }: { profile: Profile }) {
  const query = useStore(currentQuery);
  const params = new URLSearchParams(query);
  const [items, setItems] = useState<User[]>();
  const [next, setNext] = useState<string>();
  const [teams, setTeams] = useState<AdminTeam[]>([]);
  const [error, setError] = useState<string>();
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<{ link: AccessLink; name: string }>();

  async function load(cursor?: string) {
    const search = new URLSearchParams(query);
    search.set('limit', '50');
    if (cursor) search.set('cursor', cursor);
    try {
      const page = await api<Page>(`/api/v1/users?${search}`);
      setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => void load(), [query]);
  useEffect(() => {
    loadTeams().then(setTeams, (e) => setError(describeError(e)));
  }, []);

  function apply(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const search = new URLSearchParams();
    for (const name of ['q', 'teamId', 'role', 'active']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) search.set(name, value);
    }
    navigate(`/admin/people${search.size ? `?${search}` : ''}`, true);
  }

  const teamName = (id?: string) => teams.find((team) => team.id === id)?.name;

  return (
    <Screen title={t('admin.people.title')}>
      <div class="between">
        <button type="button" class="primary" onClick={() => { setInviting(!inviting); setIssued(undefined); }} aria-expanded={inviting}>
          {t('admin.people.invite')}
        </button>
        {(profile.role === 'ADMIN' || profile.role === 'DIRECTOR') && (
          <a href="/admin/teams" onClick={followLink} class="button secondary">{t('admin.teams.title')}</a>
        )}
      </div>
      {issued && <LinkPanel link={issued.link} name={issued.name} />}
      {inviting && (
        <InviteForm profile={profile} teams={teams} onInvited={(user) => {
          setInviting(false);
          if (user.invite) setIssued({ link: user.invite, name: user.displayName });
          void load();
        }} />
      )}
      <form role="search" class="card" onSubmit={apply} key={`${query}:${teams.length}`}>
        <label for="people-q">{t('admin.people.search')}</label>
        <input id="people-q" name="q" type="search" defaultValue={params.get('q') ?? ''} maxLength={100} />
        <div class="row">
          <div>
            <label for="people-team">{t('admin.people.team')}</label>
            <select id="people-team" name="teamId">
              <option value="">{t('admin.people.any')}</option>
              {treeOrder(teams).map(({ team, depth }) => (
                <option key={team.id} value={team.id} selected={params.get('teamId') === team.id}>{`${'  '.repeat(depth)}${team.name}`}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="people-role">{t('admin.people.role')}</label>
            <select id="people-role" name="role">
              <option value="">{t('admin.people.any')}</option>
              {PEOPLE_ROLES.map((role) => <option key={role} value={role} selected={params.get('role') === role}>{t(`role.${role}` as MessageKey)}</option>)}
            </select>
          </div>
          <div>
            <label for="people-active">{t('admin.people.status')}</label>
            <select id="people-active" name="active">
              <option value="">{t('admin.people.any')}</option>
              <option value="true" selected={params.get('active') === 'true'}>{t('admin.people.active')}</option>
              <option value="false" selected={params.get('active') === 'false'}>{t('admin.people.deactivated')}</option>
            </select>
          </div>
        </div>
        <div class="actions wrap">
          <button type="submit" class="secondary">{t('admin.people.apply')}</button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {items === undefined ? (
        !error && <p>{t('loading')}</p>
      ) : items.length === 0 ? (
        <p class="card" role="status">{t('admin.people.none')}</p>
      ) : (
        <ul class="plain" data-testid="people-list">
          {items.map((user) => (
            <li key={user.id} class="card">
              <a href={`/admin/people/${user.id}`} onClick={followLink} class="title-link">{user.displayName}</a>
              <p class="chips">
                <span class="chip">{t(`role.${user.role}` as MessageKey)}</span>
                {!user.active && <span class="chip chip-warn">{t('admin.people.deactivated')}</span>}
                {user.active && !user.passwordSet && <span class="chip">{t('admin.people.invited')}</span>}
              </p>
              <p class="muted">{[user.email, teamName(user.teamId)].filter(Boolean).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => void load(next)}>{t('admin.people.more')}</button>
      )}
    </Screen>
  );
}

/** A new person, invited: they choose their own password through the link. */
function InviteForm({ profile, teams, onInvited }: { profile: Profile; teams: AdminTeam[]; onInvited: (user: User) => void }) {
  const roles = grantableRoles(profile);
  const [role, setRole] = useState<Role>('REP');
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const body = {
      email: text('email') ?? '', displayName: text('displayName') ?? '', role, teamId: text('teamId'),
      phone: text('phone'), locale: text('locale'), hiredOn: text('hiredOn'),
    } satisfies UserCreate;
    setBusy(true);
    try {
      onInvited(await inviteUser(body));
    } catch (e) {
      setError(describeError(e));
      setFields(e instanceof ApiError ? Object.fromEntries((e.problem.errors ?? []).map((f) => [f.field, f.message])) : {});
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => fields[name] && <span class="field-error" id={`invite-${name}-error`}>{fields[name]}</span>;
  /** Marks a field the server refused, pointing at why. */
  const invalid = (name: string) => (fields[name] ? { 'aria-invalid': true, 'aria-describedby': `invite-${name}-error` } : {});

  return (
    <form class="card" onSubmit={submit} aria-labelledby="invite-heading" data-testid="invite-form">
      <h2 id="invite-heading">{t('admin.people.inviteTitle')}</h2>
      <p class="muted">{t('admin.people.inviteIntro')}</p>
      <label for="invite-name">{t('admin.person.displayName')}</label>
      <input id="invite-name" name="displayName" required maxLength={120} autoComplete="off" {...invalid('displayName')} />
      {fieldError('displayName')}
      <label for="invite-email">{t('admin.person.email')}</label>
      <input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" {...invalid('email')} />
      {fieldError('email')}
      <div class="row">
        <div>
          <label for="invite-role">{t('admin.person.role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)} disabled={roles.length < 2}>
            {roles.map((r) => <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>)}
          </select>
        </div>
        <div>
          <label for="invite-team">{t('admin.person.team')}</label>
          <select id="invite-team" name="teamId" required={role === 'REP'} {...invalid('teamId')}>
            {role !== 'REP' && <option value="">{t('admin.person.noTeam')}</option>}
            {treeOrder(teams).map(({ team, depth }) => <option key={team.id} value={team.id}>{`${'  '.repeat(depth)}${team.name}`}</option>)}
          </select>
          {fieldError('teamId')}
        </div>
      </div>
      <div class="row">
        <div>
          <label for="invite-phone">{t('admin.person.phone')}</label>
          <input id="invite-phone" name="phone" type="tel" maxLength={40} />
        </div>
        <div>
          <label for="invite-hired">{t('admin.person.hiredOn')}</label>
          <input id="invite-hired" name="hiredOn" type="date" />
        </div>
        <div>
          <label for="invite-locale">{t('admin.person.language')}</label>
          <select id="invite-locale" name="locale">
            <option value="zh-CN" lang="zh-CN" selected>中文（简体）</option>
            <option value="en" lang="en">English</option>
          </select>
        </div>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions wrap">
        <button type="submit" class="primary" disabled={busy}>{t('admin.people.sendInvite')}</button>
      </div>
    </form>
  );
}
