import { useEffect, useRef, useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import { describeError } from '../i18n/problems';
import { onSynced } from '../sync/sync';

export interface Loaded<T> {
  /** the last answer, undefined until the first one arrives */
  data: T | undefined;
  /** why the last load failed (in the user's language), undefined once one succeeds */
  error: string | undefined;
  /** loads again; the screen's own actions call it after a change */
  reload: () => Promise<void>;
  /** changes what is shown without loading (an answer the server gave to an action) */
  setData: Dispatch<StateUpdater<T | undefined>>;
  /** shows an action's failure where a load's failure shows; the next successful load clears it */
  setError: Dispatch<StateUpdater<string | undefined>>;
}

/**
 * What a screen shows from the server: loads when the screen opens and whenever deps change, and again each time the
 * outbox has synced (a write made offline has reached the server, so the answer may have changed). A load that
 * fails keeps what was shown and says why; when loads overlap, only the latest one's answer counts. A screen whose
 * data no write of the outbox changes (it writes straight to the API) passes `{ whenSynced: false }`.
 */
export function useLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[], { whenSynced = true } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const calls = useRef(0);
  const reload = useRef(async () => {
    const call = ++calls.current;
    try {
      const answer = await latest.current();
      if (call !== calls.current) return;
      setData(() => answer);
      setError(undefined);
    } catch (e) {
      if (call === calls.current) setError(describeError(e));
    }
  }).current;

  useEffect(() => {
    void reload();
    return whenSynced ? onSynced(() => void reload()) : undefined;
  }, deps);

  return { data, error, reload, setData, setError };
}
