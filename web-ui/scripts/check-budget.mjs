// Fails the build when the initial JavaScript or CSS (what index.html loads before the app can start)
// exceeds its gzipped budget, or when a language's messages are part of it (each language is a chunk of
// its own, fetched when spoken: src/i18n/i18n.ts). Prints the gzip and brotli sizes of the first load.
// Run by `npm run build` after `vite build`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const BUDGET_KB = { js: 50, css: 15 };
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const src = fileURLToPath(new URL('../src/', import.meta.url));
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const initial = { js: [], css: [] };
for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
  const href = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
  if (!href || /^[a-z]+:/i.test(href)) continue;
  if (tag.startsWith('<script') || /rel="modulepreload"/.test(tag)) initial.js.push(href);
  else if (/rel="stylesheet"/.test(tag)) initial.css.push(href);
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let failed = false;
for (const kind of ['js', 'css']) {
  const files = initial[kind].map((href) => readFileSync(join(dist, href)));
  const gz = files.reduce((sum, bytes) => sum + gzip(bytes), 0);
  const br = files.reduce((sum, bytes) => sum + brotli(bytes), 0);
  const ok = gz <= BUDGET_KB[kind] * 1024;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} initial ${kind}: ${kb(gz)} gzipped, ${kb(br)} brotli (budget ${BUDGET_KB[kind]} KB gzipped): ${initial[kind].join(', ') || 'none'}`);
}

// A sentence of each catalogue, as the source spells it (the sign-in screen's own messages, auth/messages.<lang>.ts):
// it must be in that language's chunk and in no initial file.
const SAMPLE_KEY = 'login.intro';
const initialJs = initial.js.map((href) => readFileSync(join(dist, href), 'utf8'));
const chunks = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
for (const [lang, file] of [['en', 'auth/messages.en.ts'], ['zh-CN', 'auth/messages.zh-CN.ts']]) {
  const sample = new RegExp(`'${SAMPLE_KEY.replace('.', '\\.')}': '([^']+)'`).exec(readFileSync(join(src, file), 'utf8'))?.[1];
  if (!sample) throw new Error(`no ${SAMPLE_KEY} in src/${file}`);
  const inInitial = initialJs.some((code) => code.includes(sample));
  const own = chunks.filter((name) => name.startsWith(`${lang}-`) && readFileSync(join(dist, 'assets', name), 'utf8').includes(sample));
  const ok = !inInitial && own.length === 1;
  failed ||= !ok;
  const size = own.length ? readFileSync(join(dist, 'assets', own[0])) : Buffer.alloc(0);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${lang} messages ${inInitial ? 'are in the initial JS' : 'load on demand'}: ${own.map((n) => `/assets/${n}`).join(', ') || 'no chunk of their own'}` +
    (own.length ? ` (${kb(gzip(size))} gzipped, ${kb(brotli(size))} brotli)` : ''));
}

const shell = ['index.html', 'manifest.webmanifest'].map((name) => readFileSync(join(dist, name)));
const first = [...shell, ...initial.js.map((h) => readFileSync(join(dist, h))), ...initial.css.map((h) => readFileSync(join(dist, h)))];
const total = (f) => first.reduce((sum, bytes) => sum + f(bytes), 0);
console.log(`first load before a language: ${kb(total((b) => b.length))} uncompressed, ${kb(total(gzip))} gzipped, ${kb(total(brotli))} brotli (index.html, manifest, initial JS and CSS)`);

if (failed) {
  console.error('Bundle budget or language split broken: the build fails.');
  process.exit(1);
}
