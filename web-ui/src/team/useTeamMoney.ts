import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../i18n/problems';
import { readKey } from '../platform/db';
import { onSynced } from '../sync/sync';
import { loadTeamMoney, type Cached, type MoneyFilter } from './money';

/** What the card and the team screen show: the last copy (kept under the key) until a fresh one comes. */
export interface TeamMoneyShown {
  cached?: Cached;
  fresh: boolean;
  offline: boolean;
  error?: string;
}

/** The team's money for one filter (its cache key): the kept copy at once, then the server's, again after each sync. */
export function useTeamMoney(key: string, filter: MoneyFilter, limit: number): TeamMoneyShown {
  const [shown, setShown] = useState<TeamMoneyShown>({ fresh: false, offline: false });
  useEffect(() => {
    let live = true;
    setShown({ fresh: false, offline: false });
    void readKey<Cached>(key).then((c) => live && c && setShown((now) => (now.cached ? now : { ...now, cached: c })), () => undefined);
    const load = () =>
      void loadTeamMoney(key, filter, limit).then((loaded) => {
        if (!live) return;
        setShown((now) => ({
          cached: loaded.cached ?? now.cached,
          fresh: loaded.fresh,
          offline: loaded.offline,
          error: loaded.error ? describeError(loaded.error) : undefined,
        }));
      });
    load();
    const stop = onSynced(load);
    return () => {
      live = false;
      stop();
    };
  }, [key]);
  return shown;
}
