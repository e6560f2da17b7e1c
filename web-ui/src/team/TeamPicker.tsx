import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { describeError } from '../i18n/problems';
import type { Profile } from '../shared/profile';
import { loadTeams, type Team } from './people';

/** The teams in the caller's scope, and the one to show first (the first they manage). */
export function useTeams(profile: Profile): { list: Team[]; preferred?: string; error?: string } {
  const [list, setList] = useState<Team[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadTeams(profile).then(setList, (e) => setError(describeError(e)));
  }, [profile.id]);
  const managed = profile.managedTeamIds ?? [];
  const preferred = list.find((team) => managed.includes(team.id))?.id ?? list[0]?.id;
  return { list, preferred, error };
}

/** Choosing a team (and, for directors, the organisation). */
export function TeamPicker({ id, teams, value, onChange, extra = [] }: {
  id: string; teams: Team[]; value?: string; onChange: (team: string) => void; extra?: { id: string; name: string }[];
}) {
  return (
    <>
      <label for={id}>{t('dashboard.team')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {[...extra, ...teams].map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
      </select>
    </>
  );
}
