/**
 * Hostile page content (issue 6.2), in Chromium, each page with and without the extension through
 * the real-page checks (no new uncaught error, no content-script error, unchanged once unwrapped,
 * no mark in a forbidden place, settled in 15 s), plus what each page is about: nothing injected
 * runs, the page's own code keeps working, saved crossread UI is not taken for a live instance.
 *
 * The pages carry a name the corpus knows (the index's most mentioned person with a full name), so there is
 * something to highlight in every hostile spot.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type PageChecker, startPageChecker } from '../support/page-checks.ts';
import { DIST_CHROME, FIXTURES } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

const HOSTILE = path.join(FIXTURES, 'hostile');

let server: TestServer;
let crossOrigin: TestServer;
let checker: PageChecker;
let name = 'Alexandra Example';

/**
 * Neutral prose (no corpus name) so each short fixture reads as an article: the content script
 * skips pages with less than a few hundred characters of paragraphs.
 */
const FILLER = [
  'The committee met for most of the afternoon and agreed to publish its findings before the end of the month.',
  'Members said the report would cover the budget, the timetable and the questions raised at the last meeting.',
  'A spokesperson declined to give further details, saying only that the work was going as planned this week.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

/** The page with the corpus's name put in (and its invisible-character variants). */
function fill(html: string): string {
  const [first, ...rest] = name.split(' ');
  const mid = Math.max(1, Math.floor((first ?? '').length / 2));
  const split = (c: string) =>
    [`${(first ?? '').slice(0, mid)}${c}${(first ?? '').slice(mid)}`, ...rest].join(' ');
  const attr = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html
    .replace('</h1>', `</h1>${FILLER}`)
    .replaceAll('{{NAME_SHY}}', attr(split('\u00ad')))
    .replaceAll('{{NAME_ZWJ}}', attr(split('\u200d')))
    .replaceAll('{{NAME_ZWSP}}', attr(split('\u200b')))
    .replaceAll('{{NAME_NFD}}', attr(name.normalize('NFD')))
    .replaceAll('{{NAME}}', attr(name))
    .replaceAll('{{CROSS_ORIGIN}}', crossOrigin.origin);
}

before(async () => {
  const index = JSON.parse(await readFile(path.join(DIST_CHROME, 'index.json'), 'utf8')) as {
    entities: { name: string; mentions: number; type: string }[];
  };
  const people = index.entities.filter((e) => e.type === 'person' && e.name.includes(' '));
  const top = [...(people.length ? people : index.entities)].sort((a, b) => b.mentions - a.mentions)[0];
  if (top) name = top.name;
  server = await startServer();
  crossOrigin = await startServer();
  for (const file of (await readdir(HOSTILE)).filter((f) => f.endsWith('.html'))) {
    const html = fill(await readFile(path.join(HOSTILE, file), 'utf8'));
    server.route(`/${file}`, html);
    crossOrigin.route(`/${file}`, html);
  }
  // A single 1 MB text node, and 50,000 tiny text nodes, with the name among them.
  server.route(
    '/huge-text-node.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>1 MB</title></head><body><main><article><h1>One text node</h1><p>${`${name} said the talks had ended. `.repeat(Math.ceil(1_000_000 / (name.length + 28)))}</p></article></main></body></html>`,
  );
  server.route(
    '/many-nodes.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>50k nodes</title></head><body><main><article><h1>Many nodes</h1><p id="p"></p><script>
      const p = document.getElementById('p');
      for (let i = 0; i < 50000; i++) {
        const b = document.createElement(i % 2 ? 'b' : 'span');
        b.textContent = (i % 997 === 0 ? ${JSON.stringify(name)} : 'w' + (i % 10)) + ' ';
        p.appendChild(b);
      }
      window.pageWorks = () => p.childNodes.length === 50000;
    </script></article></main></body></html>`,
  );
  checker = await startPageChecker(server.origin);
});
after(async () => {
  await checker?.close();
  await server?.close();
  await crossOrigin?.close();
});

const PWNED = `({ pwned: window.pwned ?? null, title: document.title, works: typeof window.pageWorks === 'function' ? window.pageWorks() : null })`;

describe('chromium: hostile pages are handled', () => {
  test('markup-looking text stays text and nothing injected runs', async () => {
    const run = await checker.check(server.origin, 'injection.html', { probe: PWNED });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.deepEqual(run.probe, { pwned: null, title: 'Injection', works: 8 });
  });

  test('soft hyphens, joiners, right-to-left and mixed direction', async () => {
    const run = await checker.check(server.origin, 'unicode.html');
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
  });

  test('no mark in fields, editors, script, style, noscript, svg, template or title', async () => {
    const run = await checker.check(server.origin, 'fields.html', {
      probe: `({ input: document.getElementById('in').value, ta: document.getElementById('ta').value })`,
    });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.deepEqual(run.probe, run.plainProbe);
  });

  test('a page that sabotages Node, Element, Document, timers, observers and JSON', async () => {
    const run = await checker.check(server.origin, 'prototypes.html', {
      prepare: 'window.restoreApi()',
      probe: PWNED,
    });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.equal((run.probe as { works: unknown }).works, true);
    // The content script runs in its own world: the page's sabotage was never called by it.
    assert.deepEqual(run.probe, run.plainProbe);
  });

  test('a page saved with crossread marks and UI in it', async () => {
    const run = await checker.check(server.origin, 'stale-ui.html', {
      probe: `({ staleCard: !!document.getElementById('stale-card'), staleMarks: document.querySelectorAll('mark[data-crossread-id^="stale-"]').length, state: document.documentElement.getAttribute('data-crossread-state') })`,
    });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    // A saved attribute is not a live instance: the script ran, and cleared the stale UI and marks.
    assert.deepEqual(run.probe, { staleCard: false, staleMarks: 0, state: 'ready' });
  });

  test('names in open and closed shadow roots, same- and cross-origin frames, srcdoc', async () => {
    const run = await checker.check(server.origin, 'frames.html', { probe: PWNED });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.equal((run.probe as { works: unknown }).works, true);
  });

  test('a page that rewrites its article every 3 ms during the scan', async () => {
    const run = await checker.check(server.origin, 'rewrite.html', {
      // After the last rewrite: the watcher's debounce, then the new pass to finish.
      prepare: `new Promise((resolve) => { let since = 0; const t = setInterval(() => {
        if (!window.rewriteDone) return;
        since += 20;
        if (since > 600 && document.documentElement.getAttribute('data-crossread-state') !== 'scanning') { clearInterval(t); resolve(true); }
      }, 20); })`,
      probe: PWNED,
    });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.equal((run.probe as { works: unknown }).works, true);
  });

  test('a single 1 MB text node', async () => {
    const run = await checker.check(server.origin, 'huge-text-node.html');
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
  });

  test('50,000 tiny text nodes', async () => {
    const run = await checker.check(server.origin, 'many-nodes.html', { probe: PWNED });
    assert.deepEqual(run.problems, []);
    assert.ok(
      (run.inspection?.names ?? 0) > 0,
      `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
    );
    assert.equal((run.probe as { works: unknown }).works, true);
  });
});
