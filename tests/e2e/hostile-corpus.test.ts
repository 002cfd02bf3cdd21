/**
 * Hostile corpus (issue 6.3): seeds whose text and metadata carry HTML, script-like text,
 * javascript: URLs and a 14,000-character line (tests/fixtures/hostile-corpus) build, and what
 * they say shows in the hover card and the popup as inert text: no element is made from it,
 * nothing in it runs, and the literal characters are what the reader sees.
 *
 * The build runs in a temporary copy of the repository (buildIsolated), so the shared dist/ is
 * never replaced by this corpus.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../support/chromium.ts';
import { buildIsolated, type IsolatedBuild } from '../support/page-checks.ts';
import { FIXTURES } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

const CORPUS = path.join(FIXTURES, 'hostile-corpus');

let build: IsolatedBuild;
let server: TestServer;

/** Elements that only exist if corpus text was parsed as markup. */
const INJECTED = `img[src="x"], [onerror], [onmouseover], [onload], iframe[src^="javascript"], a[href^="javascript"], svg[onload], script:not([src])`;

/** In-page: injected elements in the document and every open shadow root, and window.pwned. */
const PROBE = `(() => {
  const roots = [document];
  for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  const injected = [];
  for (const root of roots) for (const el of root.querySelectorAll(${JSON.stringify(INJECTED)})) {
    if (el.localName === 'script' && !/pwned/.test(el.textContent)) continue;
    injected.push(el.outerHTML.slice(0, 80));
  }
  const text = roots.map((r) => (r === document ? document.body : r).textContent).join(' ');
  return { injected, pwned: window.pwned ?? null, title: document.title, text };
})()`;

/** In-page: the text of shown hover cards (their shadow roots, less the style sheets). */
const CARD_TEXT = `[...document.querySelectorAll('[data-crossread-ui]')].filter((h) => h.shadowRoot).map((h) =>
  [...h.shadowRoot.children].filter((c) => c.localName !== 'style' && !c.hidden).map((c) => c.textContent).join(' ')).join(' ').trim()`;

type Probe = { injected: string[]; pwned: unknown; title: string; text: string };

before(async () => {
  build = await buildIsolated({ seeds: CORPUS });
  const seed = await readFile(path.join(CORPUS, '001_levy.txt'), 'utf8');
  const body = seed
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)
    .join('');
  server = await startServer();
  server.route(
    '/levy.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Levy</title></head><body><main><article><h1>Levy</h1>${body}</article></main></body></html>`,
  );
});
after(async () => {
  await server?.close();
  await build?.remove();
});

describe('a hostile corpus', () => {
  test('builds, and keeps its markup as text in index.json', async () => {
    assert.match(build.log, /2 sources/);
    const index = JSON.parse(await readFile(path.join(build.chrome, 'index.json'), 'utf8')) as {
      sources: { text: string; outlet: string | null; title?: string | null }[];
      entities: { name: string }[];
    };
    assert.ok(index.sources.some((s) => s.text.includes('<img src=x onerror="window.pwned=1">')));
    assert.ok(index.sources.some((s) => s.text.split('\n').some((line) => line.length > 10000)));
    assert.ok(index.entities.some((e) => e.name === 'Marguerite Okonkwo'));
  });

  test('chromium: the hover card and the popup show it as inert text', async () => {
    const session = await launchChromium(build.chrome);
    try {
      const page = await session.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}/levy.html`);
      await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
      const marks = page.locator('mark[data-crossread-kind]');
      assert.ok((await marks.count()) > 0, 'the seed article got no marks');

      // Open a card for every kind of mark there is (names and claims), one after another.
      const cards: Probe[] = [];
      for (const kind of ['name', 'claim']) {
        const mark = page.locator(`mark[data-crossread-kind="${kind}"]`).first();
        if (!(await mark.count())) continue;
        await mark.hover();
        await page.waitForFunction(`${CARD_TEXT}.length > 20`, null, { timeout: 10000 });
        const card = (await page.evaluate(PROBE)) as Probe;
        cards.push({ ...card, text: (await page.evaluate(CARD_TEXT)) as string });
      }
      assert.ok(cards.length > 0);
      // The name card lists how each outlet spells it: the hostile outlet name shows as typed.
      assert.ok(
        cards.some((c) => /<b onmouseover="window\.pwned=6">|Quay Times<\/title>|<img src=x/.test(c.text)),
        `no card shows the corpus markup as text: ${cards.map((c) => c.text.slice(0, 300)).join(' || ')}`,
      );
      for (const card of cards) {
        assert.deepEqual(card.injected, []);
        assert.equal(card.pwned, null);
        assert.equal(card.title, 'Levy');
      }

      // The popup for that page (its tab is the one whose content script answers).
      const finder = await session.openPopup();
      const tabId = await finder.evaluate(`(async () => {
        const self = await chrome.tabs.getCurrent();
        for (const t of await chrome.tabs.query({})) {
          if (t.id === self.id) continue;
          const r = await chrome.tabs.sendMessage(t.id, { crossread: 1, type: 'page/report', payload: {} }).catch(() => null);
          if (r && r.ok) return t.id;
        }
        return null;
      })()`);
      assert.ok(typeof tabId === 'number', 'no tab answered');
      await finder.close();
      const popup = await session.openPopup(`?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
      await popup.waitForTimeout(300);
      const views: Probe[] = [(await popup.evaluate(PROBE)) as Probe];
      // Every view one click away: fact and name cards, the sources list.
      const buttons = await popup.locator('main button, main a[href]').count();
      for (let i = 0; i < Math.min(buttons, 12); i++) {
        const button = popup.locator('main button, main a[href]').nth(i);
        if (!(await button.isVisible())) continue;
        await button.click().catch(() => {});
        await popup.waitForTimeout(150);
        views.push((await popup.evaluate(PROBE)) as Probe);
        await popup.goto(popup.url());
        await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
      }
      for (const view of views) {
        assert.deepEqual(view.injected, []);
        assert.equal(view.pwned, null);
      }
      // The hostile text is shown, character for character, somewhere in those views.
      const shown = views.map((v) => v.text).join(' ');
      assert.ok(
        /<img src=x onerror="window\.pwned=1">|<b onmouseover="window\.pwned=6">|<script>window\.pwned/.test(
          shown,
        ),
        `no view shows the corpus markup as text: ${shown.slice(0, 400)}`,
      );
      assert.deepEqual(errors, []);
    } finally {
      await session.close();
    }
  });
});
