// Lighthouse figures for the Canvass PWA: performance and accessibility of the login and Today screens,
// mobile emulation with Lighthouse's default simulated slow 4G, run in Debian's Chromium.
// Not a test: it measures a running app and prints the figures (see README.md beside this file).
//
//   node lighthouse.mjs [baseUrl] [email] [password]
//   defaults: http://localhost:8080 li.na@demo.canvass.io canvass-demo
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [base = 'http://localhost:8080', email = 'li.na@demo.canvass.io', password = 'canvass-demo'] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGETS = { performance: 95, accessibility: 100 };

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const results = [];
try {
  results.push(await audit('login', `${base}/login`, { disableStorageReset: false }));

  // Sign in through the UI, then forget the service worker and its caches (so Today is measured as
  // a cold load) but keep the session in IndexedDB.
  const page = await browser.newPage();
  await page.goto(`${base}/login`, { waitUntil: 'networkidle0' });
  await page.type('#email', email);
  await page.type('#password', password);
  await Promise.all([page.waitForFunction(() => location.pathname === '/today'), page.click('form button[type=submit]')]);
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await page.close();
  results.push(await audit('today', `${base}/today`, { disableStorageReset: true }));
} finally {
  await browser.disconnect();
  await chrome.kill();
}

let missed = false;
for (const r of results) {
  const verdict = Object.entries(TARGETS).map(([category, min]) => {
    const ok = r[category] >= min;
    missed ||= !ok;
    return `${category} ${r[category]} ${ok ? '✓' : `✗ (target ≥ ${min})`}`;
  });
  console.log(`${r.name.padEnd(6)} ${verdict.join('  ')}  FCP ${r.fcp}  LCP ${r.lcp}  TBT ${r.tbt}  CLS ${r.cls}  SI ${r.si}  transfer ${r.transfer}`);
  if (r.failedA11y.length) console.log(`       accessibility audits failed: ${r.failedA11y.join(', ')}`);
}
process.exitCode = missed ? 1 : 0;

async function audit(name, url, { disableStorageReset }) {
  const { lhr } = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableStorageReset,
  });
  if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${name}: ended on ${lhr.finalDisplayedUrl}, not ${url} (signed out?)`);
  }
  const a = lhr.audits;
  return {
    name,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    fcp: a['first-contentful-paint'].displayValue,
    lcp: a['largest-contentful-paint'].displayValue,
    tbt: a['total-blocking-time'].displayValue,
    cls: a['cumulative-layout-shift'].displayValue,
    si: a['speed-index'].displayValue,
    transfer: a['total-byte-weight'].displayValue,
    failedA11y: lhr.categories.accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && a[ref.id].score !== null && a[ref.id].score < 1)
      .map((ref) => ref.id),
  };
}
