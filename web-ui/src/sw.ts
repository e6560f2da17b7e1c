/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { replayOutbox } from './outbox/replay';
import { appPath } from './shared/links';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The app shell (HTML, JS, CSS, icons, manifest) is precached, so the app opens with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes open the cached shell; the API and Quarkus endpoints always go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/q\//] }));

// Dev mode (`./mvnw quarkus:dev`): the shell's modules come from the Vite dev server one by one and are
// not precached, so each one is kept as it loads and served from the cache when the network is gone.
if (import.meta.env.DEV) {
  const devCache = 'canvass-dev-modules';
  registerRoute(
    ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && !/^\/(api|q)\//.test(url.pathname),
    async ({ request }) => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          void caches.open(devCache).then((cache) => cache.put(request, copy));
        }
        return response;
      } catch (offline) {
        const cached = await caches.match(request, { cacheName: devCache });
        if (cached) return cached;
        throw offline;
      }
    },
  );
}

// Background Sync: replay the outbox when connectivity returns, even with no page open.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === 'canvass-outbox') {
    sync.waitUntil(
      replayOutbox().then((result) => {
        if (result.interrupted) throw new Error('outbox replay interrupted; the browser retries later');
      }),
    );
  }
});

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** What the server pushes (encrypted in transit, RFC 8291): at most 4 KB. */
interface PushPayload {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
}

// A push: shown as a notification tagged with the reminder's id, so a repeat replaces it instead of
// showing twice; open pages are told, so the inbox badge updates.
self.addEventListener('push', (event) => {
  let payload: PushPayload;
  try {
    payload = event.data?.json() as PushPayload;
  } catch {
    return;
  }
  if (!payload?.title) return;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(payload.title, {
        body: payload.body,
        tag: payload.id,
        data: { link: safeLink(payload.link), id: payload.id },
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        lang: '',
      }),
      self.clients.matchAll({ type: 'window' }).then((clients) => clients.forEach((client) => client.postMessage({ type: 'canvass-push', id: payload.id }))),
    ]),
  );
});

// A tap on the notification: focus the app on the deep link (or open it).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = safeLink((event.notification.data as { link?: string } | undefined)?.link);
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (clients) => {
      const client = clients.find((c) => new URL(c.url).origin === self.location.origin) as WindowClient | undefined;
      if (client) {
        // focusing can be refused (no user activation left); the link opens regardless
        await client.focus().catch(() => undefined);
        await client.navigate(link);
        return;
      }
      return self.clients.openWindow(link).then(() => undefined);
    }),
  );
});

/** Only paths of this app, never another origin. */
function safeLink(link: string | undefined): string {
  return appPath(link) ?? '/inbox';
}
