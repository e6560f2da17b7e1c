/** Every path the app answers; the build writes an entry document for each (see vite.config.ts). */
export const ROUTES = ['/', '/login', '/today', '/checkin', '/customers', '/team', '/me', '/notifications', '/sync'] as const;

export type Route = (typeof ROUTES)[number];
