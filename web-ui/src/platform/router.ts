import { store } from './store';

/** A tiny History-API router: the current path is a store; links call navigate. */
export const currentPath = store<string>(typeof location === 'undefined' ? '/' : location.pathname);

/** The query of the current address (filters of a list), watched like the path. */
export const currentQuery = store<string>(typeof location === 'undefined' ? '' : location.search);

export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  currentQuery.set(location.search);
  currentPath.set(location.pathname);
}

/** onClick for <a href>: plain clicks stay in the app, modified clicks (new tab …) go to the browser. */
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    currentQuery.set(location.search);
    currentPath.set(location.pathname);
  });
}
