// Fails the build when the initial JavaScript or CSS (what index.html loads before the app can start)
// exceeds its gzipped budget. Run by `npm run build` after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = { js: 50, css: 15 };
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const initial = { js: [], css: [] };
for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
  const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
  if (!src || /^[a-z]+:/i.test(src)) continue;
  if (tag.startsWith('<script') || /rel="modulepreload"/.test(tag)) initial.js.push(src);
  else if (/rel="stylesheet"/.test(tag)) initial.css.push(src);
}

let over = false;
for (const kind of ['js', 'css']) {
  const bytes = initial[kind].reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src)), { level: 9 }).length, 0);
  const ok = bytes <= BUDGET_KB[kind] * 1024;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} initial ${kind}: ${(bytes / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB[kind]} KB): ${initial[kind].join(', ') || 'none'}`);
}
if (over) {
  console.error('Bundle budget exceeded: the build fails.');
  process.exit(1);
}
