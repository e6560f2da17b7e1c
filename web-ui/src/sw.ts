/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { replayOutbox } from './outbox/replay';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The app shell (HTML, JS, CSS, icons, manifest) is precached, so the app opens with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes open the cached shell; the API and Quarkus endpoints always go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/q\//] }));

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
