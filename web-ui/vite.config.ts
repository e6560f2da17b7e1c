import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTES } from './src/platform/routes';

/**
 * Every client-side route gets its own entry document (a copy of index.html at <route>/index.html),
 * so a deep link or a reload of /today is served by Quarkus as a static file, while unknown paths
 * keep their 404 and /api and /q are never touched.
 */
function routeEntries(): Plugin {
  let outDir = 'dist';
  return {
    name: 'canvass-route-entries',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      for (const route of ROUTES.filter((r) => r !== '/')) {
        await copyFile(join(outDir, 'index.html'), join(outDir, route));
      }
    },
  };
}

// Quinoa proxies this dev server in `./mvnw quarkus:dev`; API calls go to Quarkus on the same origin.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', assetsInlineLimit: 0 },
  plugins: [
    routeEntries(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
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
  ],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
