import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import { followLink } from '../platform/router';
import { uuid } from '../platform/uuid';
import { Screen } from '../shell/Screen';
import { all, loadTeams } from './api';
import { subtreeOf, treeOrder, type AdminTeam, type TeamManagers, type TeamWrite, type User } from './model';

type Editing = { kind: 'new' } | { kind: 'edit'; team: AdminTeam } | { kind: 'managers'; team: AdminTeam };

/** The team tree with its managers (directors and admins): create, rename, move, delete, set managers. */
export function TeamsScreen() {
  const [teams, setTeams] = useState<AdminTeam[]>();
  const [managers, setManagers] = useState<User[]>([]);
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<AdminTeam>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function load() {
    try {
      setTeams(await loadTeams());
    } catch (e) {
      setError(describeError(e));
    }
  }
  useEffect(() => {
    void load();
    all<User>('/api/v1/users?role=MANAGER&active=true').then(setManagers, () => setManagers([]));
  }, []);

  async function act(work: () => Promise<unknown>, done: string) {
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
      setEditing(undefined);
      setDeleting(undefined);
      setNotice(done);
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('admin.teams.stale'));
        setEditing(undefined);
        await load();
      } else if (e instanceof ApiError && e.status === 409) {
        setError(t('admin.teams.conflict', { detail: e.problem.detail ?? '' }));
      } else {
        setError(describeError(e));
      }
    }
  }

  function save(event: Event, team?: AdminTeam) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body = { name: String(form.get('name')).trim(), parentId: String(form.get('parentId') ?? '') || undefined, kind: team?.kind } satisfies TeamWrite;
    void act(() => api(team ? `/api/v1/teams/${team.id}` : '/api/v1/teams', {
      method: team ? 'PUT' : 'POST', body, headers: team ? { 'If-Match': `W/"${team.version}"` } : { 'Idempotency-Key': uuid() },
    }), t('admin.teams.saved', { name: body.name }));
  }

  function saveManagers(event: Event, team: AdminTeam) {
    event.preventDefault();
    const userIds = new FormData(event.currentTarget as HTMLFormElement).getAll('userIds').map(String);
    void act(() => api(`/api/v1/teams/${team.id}/managers`, { method: 'PUT', body: { userIds } satisfies TeamManagers }), t('admin.teams.saved', { name: team.name }));
  }

  const rows = treeOrder(teams ?? []);
  const nameOf = (id: string) => managers.find((m) => m.id === id)?.displayName ?? '—';

  return (
    <Screen title={t('admin.teams.title')}>
      <div class="between">
        <button type="button" class="primary" onClick={() => setEditing({ kind: 'new' })}>{t('admin.teams.new')}</button>
        <a href="/admin/people" onClick={followLink} class="button secondary">{t('admin.people.title')}</a>
      </div>
      {notice && <p class="status" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {editing?.kind === 'new' && <TeamForm teams={teams ?? []} onSubmit={save} onCancel={() => setEditing(undefined)} />}
      {teams === undefined ? (
        !error && <p>{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p class="card" role="status">{t('admin.teams.none')}</p>
      ) : (
        <ul class="plain" data-testid="team-tree" aria-label={t('admin.teams.title')}>
          {rows.map(({ team, depth }) => (
            <li key={team.id} class={`card team-depth-${Math.min(depth, 5)}`}>
              <p class="title-link">{team.name}</p>
              <p class="muted">
                {team.managerIds.length ? t('admin.teams.managedBy', { names: team.managerIds.map(nameOf).join('、') }) : t('admin.teams.noManager')}
              </p>
              <div class="actions wrap">
                <button type="button" class="secondary small" onClick={() => setEditing({ kind: 'edit', team })}>{t('admin.teams.edit')}</button>
                <button type="button" class="secondary small" onClick={() => setEditing({ kind: 'managers', team })}>{t('admin.teams.managers')}</button>
                <button type="button" class="secondary small" onClick={() => setDeleting(team)}>{t('admin.teams.delete')}</button>
              </div>
              {editing?.kind === 'edit' && editing.team.id === team.id && (
                <TeamForm team={team} teams={teams ?? []} onSubmit={save} onCancel={() => setEditing(undefined)} />
              )}
              {editing?.kind === 'managers' && editing.team.id === team.id && (
                <form onSubmit={(e) => saveManagers(e, team)}>
                  <fieldset>
                    <legend>{t('admin.teams.managersOf', { name: team.name })}</legend>
                    {managers.length === 0 && <p class="muted">{t('admin.teams.noManagers')}</p>}
                    {managers.map((m) => (
                      <label class="choice" key={m.id}>
                        <input type="checkbox" name="userIds" value={m.id} defaultChecked={team.managerIds.includes(m.id)} />
                        {m.displayName}
                      </label>
                    ))}
                  </fieldset>
                  <div class="actions wrap">
                    <button type="submit" class="primary">{t('admin.teams.save')}</button>
                    <button type="button" class="secondary" onClick={() => setEditing(undefined)}>{t('admin.person.cancel')}</button>
                  </div>
                </form>
              )}
              {deleting?.id === team.id && (
                <div role="group" aria-labelledby={`delete-${team.id}`}>
                  <p id={`delete-${team.id}`} class="warning">{t('admin.teams.confirmDelete', { name: team.name })}</p>
                  <div class="actions wrap">
                    <button type="button" class="primary" onClick={() => void act(() => api(`/api/v1/teams/${team.id}`, { method: 'DELETE' }), t('admin.teams.deleted', { name: team.name }))}>
                      {t('admin.teams.deleteNow')}
                    </button>
                    <button type="button" class="secondary" onClick={() => setDeleting(undefined)}>{t('admin.person.cancel')}</button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

/** A new team, or a team to rename or move: never under itself or one of its sub-teams. */
function TeamForm({ team, teams, onSubmit, onCancel }: {
  team?: AdminTeam; teams: AdminTeam[]; onSubmit: (event: Event, team?: AdminTeam) => void; onCancel: () => void;
}) {
  const excluded = team ? subtreeOf(teams, team.id) : new Set<string>();
  return (
    <form class="card" onSubmit={(e) => onSubmit(e, team)} data-testid="team-form">
      <label for="team-name">{t('admin.teams.name')}</label>
      <input id="team-name" name="name" required maxLength={120} defaultValue={team?.name ?? ''} />
      <label for="team-parent">{t('admin.teams.parent')}</label>
      <select id="team-parent" name="parentId">
        <option value="">{t('admin.teams.topLevel')}</option>
        {treeOrder(teams).filter(({ team: other }) => !excluded.has(other.id)).map(({ team: other, depth }) => (
          <option key={other.id} value={other.id} selected={other.id === team?.parentId}>{`${'  '.repeat(depth)}${other.name}`}</option>
        ))}
      </select>
      <div class="actions wrap">
        <button type="submit" class="primary">{t('admin.teams.save')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('admin.person.cancel')}</button>
      </div>
    </form>
  );
}
