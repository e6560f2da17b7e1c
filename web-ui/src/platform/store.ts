import { useEffect, useReducer } from 'preact/hooks';

/** A value that components and modules can watch: the app's whole state management. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((listener) => listener(value));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the component whenever the store changes. */
export function useStore<T>(s: Store<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => s.subscribe(() => rerender(0)), [s]);
  return s.get();
}
