// The PWA's API types come from the OpenAPI document the server serves.
//
//   npm run api:types                  writes src/api/schema.d.ts from openapi/canvass.json
//   npm run api:types -- --check       fails when src/api/schema.d.ts is not what openapi/canvass.json gives
//                                      (run by `npm run build`, so by the Maven build through Quinoa)
//   npm run api:update [-- <file|url>] copies the served document into openapi/canvass.json, then writes
//                                      the types; by default from ../target/openapi/served.json (written
//                                      by OpenApiSnapshotTest when the two differ), else from
//                                      ../target/openapi/openapi.json (written by every Maven build)
//
// OpenApiSnapshotTest fails while openapi/canvass.json is not the served document, and `tsc --noEmit`
// fails while a screen reads or sends a field the way the document no longer describes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./typescript-5.mjs', import.meta.url);
const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const SNAPSHOT = here('../openapi/canvass.json');
const TYPES = here('../src/api/schema.d.ts');
const SOURCES = [here('../../target/openapi/served.json'), here('../../target/openapi/openapi.json')];

const args = process.argv.slice(2);
const check = args.includes('--check');
const update = args.includes('--update');
const from = args.find((a) => !a.startsWith('--'));

/** Object keys in order, at every depth: the snapshot is the same text whichever copy of the document it came from. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
}

if (update) {
  const source = from ?? SOURCES.find((file) => existsSync(file));
  if (!source) {
    console.error(`No document to take: run the Maven build (it writes ${SOURCES[1]}) or pass a file or URL.`);
    process.exit(1);
  }
  let text;
  if (/^https?:/.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) {
      console.error(`${source} answered ${response.status}.`);
      process.exit(1);
    }
    text = await response.text();
  } else {
    text = readFileSync(source, 'utf8');
  }
  writeFileSync(SNAPSHOT, `${JSON.stringify(sorted(JSON.parse(text)), null, 2)}\n`);
  console.log(`openapi/canvass.json ← ${source}`);
}

const types = COMMENT_HEADER.replace(/^\/\*\*\n/, '/**\n * Generated from openapi/canvass.json by `npm run api:types`: do not edit.\n') +
  astToString(await openapiTS(new URL(`file://${SNAPSHOT}`), { silent: true }));

if (check) {
  const current = existsSync(TYPES) ? readFileSync(TYPES, 'utf8') : '';
  if (current !== types) {
    console.error('src/api/schema.d.ts is not what openapi/canvass.json gives: run `npm run api:types` in web-ui/.');
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches openapi/canvass.json');
} else {
  writeFileSync(TYPES, types);
  console.log('src/api/schema.d.ts ← openapi/canvass.json');
}
