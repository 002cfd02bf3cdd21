/**
 * Hostile page content (issue 6.2) in Firefox, whose content scripts see the page through Xray
 * wrappers rather than Chromium's isolated world: the same fixture pages must settle, mark the
 * known name only where allowed, run nothing injected, keep their own code working, and have
 * their saved crossread UI cleared. (The with/without markup comparison runs in Chromium.)
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { type FirefoxSession, launchFirefox } from '../support/firefox.ts';
import {
  type HostileSite,
  INSPECT,
  type PageInspection,
  SETTLED_STATES,
  serveHostilePages,
} from '../support/page-checks.ts';
import { DIST_FIREFOX } from '../support/paths.ts';

let site: HostileSite;
let session: FirefoxSession;

before(async () => {
  site = await serveHostilePages(path.join(DIST_FIREFOX, 'index.json'));
  session = await launchFirefox();
});
after(async () => {
  await session?.close();
  await site?.close();
});

const PROBE = `({ pwned: window.pwned ?? null, title: document.title, works: typeof window.pageWorks === 'function' ? window.pageWorks() : null })`;

/** Loads a page, waits for a settled state (polled by attribute reads), runs `prepare`, inspects. */
async function visit(file: string, prepare?: string) {
  const page: Page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  try {
    await page.goto(`${site.server.origin}/${file}`, { waitUntil: 'load' });
    let state: string | null = null;
    const deadline = Date.now() + 15000;
    if (prepare) {
      // A sabotaged main world cannot run our probes: give the content script 3 s under the
      // sabotage, then restore the page's API (the state must be settled by then already).
      await new Promise((r) => setTimeout(r, 3000));
      await page.evaluate(prepare);
    }
    while (Date.now() < deadline) {
      state = (await page.evaluate(`document.documentElement.getAttribute('data-crossread-state')`)) as
        | string
        | null;
      if (state && SETTLED_STATES.includes(state)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const inspection = (await page.evaluate(INSPECT)) as PageInspection;
    const probe = (await page.evaluate(PROBE)) as { pwned: unknown; title: string; works: unknown };
    const stale = (await page.evaluate(
      `({ card: !!document.getElementById('stale-card'), marks: document.querySelectorAll('mark[data-crossread-id^="stale-"]').length })`,
    )) as { card: boolean; marks: number };
    return { state, inspection, probe, errors, stale };
  } finally {
    await page.close();
  }
}

function common(result: Awaited<ReturnType<typeof visit>>): void {
  assert.ok(result.state && SETTLED_STATES.includes(result.state), `state ${result.state}`);
  assert.deepEqual(result.inspection.forbidden, []);
  assert.deepEqual(result.inspection.malformed, []);
  assert.ok(result.inspection.names > 0, 'the known name was not marked anywhere');
  assert.equal(result.probe.pwned, null);
  assert.deepEqual(result.errors, []);
}

describe('firefox: hostile pages are handled', () => {
  test('markup-looking text stays text', async () => {
    const r = await visit('injection.html');
    common(r);
    assert.deepEqual(r.probe, { pwned: null, title: 'Injection', works: 8 });
  });

  test('no mark in fields, editors, script, style, noscript, svg, template or title', async () => {
    common(await visit('fields.html'));
  });

  test('soft hyphens, joiners, right-to-left and mixed direction', async () => {
    common(await visit('unicode.html'));
  });

  test('a page that sabotages Node, Element, Document, timers, observers and JSON', async () => {
    const r = await visit('prototypes.html', 'window.restoreApi && window.restoreApi()');
    common(r);
    assert.equal(r.probe.works, true);
  });

  test('a page saved with crossread marks and UI in it', async () => {
    const r = await visit('stale-ui.html');
    common(r);
    assert.deepEqual(r.stale, { card: false, marks: 0 });
  });

  test('50,000 tiny text nodes', async () => {
    const r = await visit('many-nodes.html');
    common(r);
    assert.equal(r.probe.works, true);
  });
});
