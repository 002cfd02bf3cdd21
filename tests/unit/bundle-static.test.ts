/**
 * Static checks of the built bundles (issue 6.2, 6.3, 6.5): the code that ships cannot run strings
 * as code, cannot talk to any server, and cannot turn text into markup. The extension is built
 * from the current sources into a temporary copy, so this runs before (and apart from) `npm run build`.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildIsolated, type IsolatedBuild } from '../support/page-checks.ts';
import { ROOT } from '../support/paths.ts';

let build: IsolatedBuild;
const bundles: { name: string; code: string }[] = [];

before(async () => {
  build = await buildIsolated();
  for (const dir of [build.chrome, build.firefox]) {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js'))) {
      bundles.push({
        name: `${path.basename(dir)}/${file}`,
        code: await readFile(path.join(dir, file), 'utf8'),
      });
    }
  }
});
after(() => build?.remove());

/** Every match of `re` in every bundle, as `bundle: …context…`. */
function findAll(re: RegExp, only?: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const { name, code } of bundles) {
    if (only && !only(name)) continue;
    for (const m of code.matchAll(re)) {
      const at = m.index ?? 0;
      found.push(`${name}: …${code.slice(Math.max(0, at - 40), at + m[0].length + 40)}…`);
    }
  }
  return found;
}

test('the build produces every bundle for both browsers (the offscreen relay in Chrome only)', () => {
  assert.deepEqual(bundles.map((b) => b.name).sort(), [
    'chrome/background.js',
    'chrome/content.js',
    'chrome/indexer.js',
    'chrome/offscreen.js',
    'chrome/options.js',
    'chrome/popup.js',
    'firefox/background.js',
    'firefox/content.js',
    'firefox/indexer.js',
    'firefox/options.js',
    'firefox/popup.js',
  ]);
});

test('no bundle evaluates strings as code', () => {
  // `eval:{minArgs…}` is webextension-polyfill's table entry for devtools.inspectedWindow.eval: a key, not a call.
  assert.deepEqual(findAll(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(\s*['"`]/g), []);
  assert.deepEqual(findAll(/\bset(?:Timeout|Interval)\s*\(\s*['"`]/g), []);
});

test('no bundle names a remote address', () => {
  // XML namespace names are identifiers, never fetched; wink-nlp's error messages point at MDN's
  // documentation for the reader to open, and no code reads them.
  const namespaces =
    /^https?:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)|^https:\/\/developer\.mozilla\.org\/en-US\/docs\//;
  const urls = findAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)]*/g).filter((hit) => {
    const url = /(?:https?|wss?|ftp):\/\/[^\s"'`)]*/.exec(hit.slice(hit.indexOf('…')))?.[0] ?? '';
    return !namespaces.test(url);
  });
  assert.deepEqual(urls, []);
});

test('no network API but the background reading its own index.json', () => {
  assert.deepEqual(
    findAll(
      /\b(?:XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection|WebTransport)\b/g,
    ),
    [],
  );
  assert.deepEqual(
    findAll(/\bfetch\s*\(/g, (name) => !name.endsWith('/background.js')),
    [],
    'only the background may call fetch',
  );
  const fetches = findAll(/\bfetch\s*\([^)]*\)/g, (name) => name.endsWith('/background.js'));
  assert.ok(fetches.length >= 2, 'the background reads index.json in both builds');
  for (const hit of fetches)
    assert.match(hit, /fetch\s*\(\s*[\w$.]*runtime\.getURL\(\s*"index\.json"\s*\)\s*\)/);
});

test('the content script and the popup never parse text as markup', () => {
  const pageFacing = (name: string) => !name.endsWith('/background.js');
  assert.deepEqual(
    findAll(
      /\.(?:innerHTML|outerHTML)\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write(?:ln)?\s*\(|\bcreateContextualFragment\b|\bsrcdoc\b/g,
      pageFacing,
    ),
    [],
  );
});

test('the built manifests ask only for what docs/permissions.md explains', async () => {
  const doc = await readFile(path.join(ROOT, 'docs/permissions.md'), 'utf8');
  for (const dir of [build.chrome, build.firefox]) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const where = path.basename(dir);
    for (const permission of (manifest.permissions as string[] | undefined) ?? [])
      assert.ok(
        doc.includes(`permissions: ${permission}`),
        `${where}: permission ${permission} is not explained`,
      );
    for (const key of [
      'host_permissions',
      'optional_permissions',
      'optional_host_permissions',
      'web_accessible_resources',
      'externally_connectable',
    ])
      assert.equal(manifest[key], undefined, `${where}: ${key} must not be declared`);
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/, `${where}: the CSP is loosened`);
    const scripts = manifest.content_scripts as { matches: string[]; all_frames?: boolean }[];
    for (const cs of scripts) {
      for (const match of cs.matches) {
        assert.ok(doc.includes(match), `${where}: content-script match ${match} is not explained`);
        assert.match(match, /^https?:\/\/\*\/\*$/, `${where}: content-script match ${match}`);
      }
    }
  }
});
