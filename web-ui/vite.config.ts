import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * With devOptions enabled, vite-plugin-pwa also adds an inline <script> that registers the dev service
 * worker; the Content-Security-Policy forbids inline scripts, and main.tsx registers it anyway.
 */
const noInlineDevRegister: Plugin = {
  name: 'canvass:no-inline-dev-sw-register',
  apply: 'serve',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script id="vite-plugin-pwa:register-dev-sw"[\s\S]*?<\/script>\s*/, ''),
  },
};
// Quinoa proxies this dev server in `./mvnw quarkus:dev`; API calls go to Quarkus on the same origin.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Quinoa passes its quarkus.quinoa.dev-server.port (application.properties) as CANVASS_DEV_SERVER_PORT.
  server: { port: Number(process.env.CANVASS_DEV_SERVER_PORT ?? 5173), strictPort: true },
  build: { target: 'es2022', outDir: 'dist', assetsInlineLimit: 0 },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
      // Dev mode serves sw.ts too (as /dev-sw.js?dev-sw, an ES module), so the app installs, works
      // offline and subscribes to push under `./mvnw quarkus:dev` as it does when built. Its precache
      // holds only the shell page; sw.ts caches the dev server's modules as they load.
      devOptions: { enabled: true, type: 'module', navigateFallback: 'index.html' },
      manifest: {
        name: 'Canvass',
        short_name: 'Canvass',
        description: 'Visits, follow-ups, renewals and collections for field sales teams.',
        lang: 'zh-CN',
        start_url: '/today',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b57d0',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    noInlineDevRegister,
  ],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
