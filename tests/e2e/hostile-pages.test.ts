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
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type HostileSite,
  type PageChecker,
  type PageRun,
  serveHostilePages,
  startPageChecker,
} from '../support/page-checks.ts';
import { DIST_CHROME } from '../support/paths.ts';
import type { TestServer } from '../support/server.ts';

/** The page passed every with/without check, and the known name was marked where marks may go. */
function assertCleanAndNamed(run: PageRun): void {
  assert.deepEqual(run.problems, []);
  assert.ok(
    (run.inspection?.names ?? 0) > 0,
    `the known name was not marked anywhere (${run.inspection?.marks} marks)`,
  );
}

let site: HostileSite;
let server: TestServer;
let checker: PageChecker;

before(async () => {
  site = await serveHostilePages(path.join(DIST_CHROME, 'index.json'));
  server = site.server;
  checker = await startPageChecker(server.origin);
});
after(async () => {
  await checker?.close();
  await site?.close();
});

const PWNED = `({ pwned: window.pwned ?? null, title: document.title, works: typeof window.pageWorks === 'function' ? window.pageWorks() : null })`;

describe('chromium: hostile pages are handled', () => {
  test('markup-looking text stays text and nothing injected runs', async () => {
    const run = await checker.check(server.origin, 'injection.html', { probe: PWNED });
    assertCleanAndNamed(run);
    assert.deepEqual(run.probe, { pwned: null, title: 'Injection', works: 8 });
  });

  test('soft hyphens, joiners, right-to-left and mixed direction', async () => {
    const run = await checker.check(server.origin, 'unicode.html');
    assertCleanAndNamed(run);
  });

  test('no mark in fields, editors, script, style, noscript, svg, template or title', async () => {
    const run = await checker.check(server.origin, 'fields.html', {
      probe: `({ input: document.getElementById('in').value, ta: document.getElementById('ta').value })`,
    });
    assertCleanAndNamed(run);
    assert.deepEqual(run.probe, run.plainProbe);
  });

  test('a page that sabotages Node, Element, Document, timers, observers and JSON', async () => {
    const run = await checker.check(server.origin, 'prototypes.html', {
      prepare: 'window.restoreApi()',
      probe: PWNED,
    });
    assertCleanAndNamed(run);
    assert.equal((run.probe as { works: unknown }).works, true);
    // The content script runs in its own world: the page's sabotage was never called by it.
    assert.deepEqual(run.probe, run.plainProbe);
  });

  test('a page saved with crossread marks and UI in it', async () => {
    const run = await checker.check(server.origin, 'stale-ui.html', {
      probe: `({ staleCard: !!document.getElementById('stale-card'), staleMarks: document.querySelectorAll('mark[data-crossread-id^="stale-"]').length, state: document.documentElement.getAttribute('data-crossread-state') })`,
    });
    assertCleanAndNamed(run);
    // A saved attribute is not a live instance: the script ran, and cleared the stale UI and marks.
    assert.deepEqual(run.probe, { staleCard: false, staleMarks: 0, state: 'ready' });
  });

  test('names in open and closed shadow roots, same- and cross-origin frames, srcdoc', async () => {
    const run = await checker.check(server.origin, 'frames.html', { probe: PWNED });
    assertCleanAndNamed(run);
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
    assertCleanAndNamed(run);
    assert.equal((run.probe as { works: unknown }).works, true);
  });

  test('a single 1 MB text node', async () => {
    const run = await checker.check(server.origin, 'huge-text-node.html');
    assertCleanAndNamed(run);
  });

  test('50,000 tiny text nodes', async () => {
    const run = await checker.check(server.origin, 'many-nodes.html', { probe: PWNED });
    assertCleanAndNamed(run);
    assert.equal((run.probe as { works: unknown }).works, true);
  });
});
