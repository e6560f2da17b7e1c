import { store } from './store';

/** A tiny History-API router: the current path is a store; links call navigate. */
export const currentPath = store<string>(typeof location === 'undefined' ? '/' : location.pathname);

export function navigate(path: string, replace = false): void {
  if (path === location.pathname) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  currentPath.set(path);
}

/** onClick for <a href>: plain clicks stay in the app, modified clicks (new tab …) go to the browser. */
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.pathname);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => currentPath.set(location.pathname));
}
