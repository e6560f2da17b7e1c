import { describe, expect, it } from 'vitest';
import { matchRoute, type Route } from './routes';

const id = '0b6f1a52-5c1e-4f8e-9d55-2a7c3f0e9b11';
const routes: Route[] = ['/customers', '/customers/new', '/customers/:id', '/customers/:id/edit'].map((path) => ({ path, render: () => path }));

describe('matchRoute', () => {
  it('finds the route of a path, with its ids', () => {
    expect(matchRoute(routes, '/customers')?.route.path).toBe('/customers');
    expect(matchRoute(routes, '/customers/new')?.route.path).toBe('/customers/new');
    expect(matchRoute(routes, `/customers/${id}`)).toEqual({ route: routes[2], params: { id } });
    expect(matchRoute(routes, `/customers/${id}/edit`)?.params).toEqual({ id });
  });

  it('answers nothing for a path no route has, or an id that is not one', () => {
    expect(matchRoute(routes, '/customers/x')).toBeUndefined();
    expect(matchRoute(routes, `/customers/${id}/delete`)).toBeUndefined();
    expect(matchRoute(routes, '/customers/')).toBeUndefined();
  });
});
