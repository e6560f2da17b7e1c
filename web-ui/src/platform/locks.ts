/**
 * Runs fn while holding an exclusive lock shared by every tab and the service worker (Web Locks API),
 * so that, for example, a single-use refresh token is never spent twice. Where the API is missing the
 * lock only covers this page.
 */
const local = new Map<string, Promise<unknown>>();

export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, fn) as Promise<T>;
  }
  const previous = local.get(name) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  local.set(name, run.catch(() => undefined));
  return run;
}
