import type { ComponentChild } from 'preact';
import type { Profile } from '../shared/profile';

/** What a route's screen is given: the signed-in user, the path's parameters (`:id`) and the way to sign out. */
export interface RouteContext {
  profile: Profile;
  params: Record<string, string>;
  signOut: () => void;
}

/**
 * A screen of the app at a path. Each feature folder exports its own (`<feature>/routes.tsx`) and `app.tsx` composes
 * them; the server answers every page path outside `/api` and `/q` with the app's index, so a path needs nothing else.
 */
export interface Route {
  /** `/customers/:id`: a `:name` segment matches an id (a UUID) */
  path: string;
  /** the screen, usually `lazy(...)` so it loads on first use */
  render: (context: RouteContext) => ComponentChild;
  /**
   * who may open it (the server still checks every request); others see "not found". Paths under /team need no
   * guard of their own: app.tsx opens the Team area to managers and up only.
   */
  guard?: (profile: Profile) => boolean;
}

const patterns = new Map<string, RegExp>();

function patternOf(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    pattern = new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[0-9a-f-]{36})')}$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

/** The route answering a path, with its parameters; undefined when none does. */
export function matchRoute(routes: readonly Route[], path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const match = patternOf(route.path).exec(path);
    if (match) return { route, params: { ...match.groups } };
  }
  return undefined;
}
