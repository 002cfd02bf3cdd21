/**
 * Content-script modules in real pages without the extension (CONVENTIONS.md 12, tier 2): the
 * content bundle is built from src/content/index.ts and injected into fixture pages and real
 * saved pages in Chromium, behind a fake extension (fake-extension.ts) that runs the core page
 * matcher over a made-up index. Checks: offsets line up with the text the matcher saw, the text
 * never changes, unmarking restores body.innerHTML exactly, stale marks from saved pages are
 * stripped, a second injection does nothing, an invalidated context unmarks silently.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { markjsPatch } from '../../scripts/markjs-patch.ts';
import type { CorpusIndex, Fact } from '../../src/core/index/schema.ts';
import { buildMatcherData } from '../../src/core/match/matcher-data.ts';
import { CHROMIUM, requireBrowser } from '../support/chromium.ts';
import { makeFact } from '../support/make-fact.ts';
import { FIXTURES, ROOT, SHARED } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

function fact(id: string, status: Fact['status'], texts: string[]): Fact {
  return makeFact(id, status, texts);
}

/** A made-up index in the shape of the seeds' story (tests may name it; src/ may not). */
function testIndex(): CorpusIndex {
  const entity = (id: string, name: string, aliases: string[], type: 'person' | 'place' = 'person') => ({
    id,
    name,
    type,
    mentions: aliases.length,
    aliases: aliases.map((text) => ({ text, sources: ['s0'] })),
  });
  const facts = [
    fact('toll', 'conflict', [
      'just under 13,000 opponents of the government have been killed since the uprising began',
      'Opposition groups say more than 15,000 people have died since the violence began.',
    ]),
    fact('rank', 'conflict', [
      'was the first senior diplomat to desert the president',
      'is the second senior diplomat to quit the embattled government.',
    ]),
    fact('ties', 'corroborated', [
      'who has close ties to the Syrian security services',
      'is said to have close ties to Syrian security',
    ]),
  ];
  const base = {
    version: 1,
    sources: [0, 1].map((i) => ({
      id: `s${i}`,
      file: `s${i}.txt`,
      outlet: `Outlet ${i}`,
      text: '',
      sentences: [],
    })),
    entities: [
      entity('fares', 'Nawaf al-Fares', ['Nawaf al-Fares', 'Nawaf Fares', 'Fares']),
      entity('assad', 'Bashar al-Assad', ['Bashar al-Assad', 'Assad']),
      entity('tlas', 'Manaf Tlas', ['Manaf Tlas']),
      entity('paris', 'Paris', ['Paris'], 'place'),
      entity('syria', 'Syria', ['Syria'], 'place'),
    ],
    facts,
  };
  return { ...base, matcher: buildMatcherData(base) };
}

let server: TestServer;
let browser: Browser;
let bundle = '';
let fake = '';

before(async () => {
  requireBrowser(CHROMIUM, 'chromium');
  const build = async (entry: string, define: Record<string, string>) =>
    (
      await esbuild.build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        write: false,
        format: 'iife',
        target: ['chrome120'],
        define,
        // The mark.js that ships (scripts/build.ts bundles it patched, ADR 005).
        plugins: [markjsPatch()],
        logLevel: 'silent',
      })
    ).outputFiles[0]?.text ?? '';
  bundle = await build('src/content/index.ts', { __BENCH__: 'false' });
  fake = await build('tests/dom/fake-extension.ts', { __INDEX__: JSON.stringify(testIndex()) });
  server = await startServer(path.join(FIXTURES, 'pages'), path.join(SHARED, 'pages'));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu'] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const READY = `document.documentElement.getAttribute('data-crossread-state') === 'ready'`;
const BODY = 'document.body.innerHTML';

/** Opens a page, blocks every request off the test server, injects the fake extension and the bundle. */
async function open(url: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /crossread/.test(m.text())) errors.push(m.text());
  });
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function inject(page: Page): Promise<void> {
  await page.evaluate(fake);
  await page.evaluate(bundle);
  await page.waitForFunction(READY, null, { timeout: 20000 });
}

/** Highlights in document order: a first piece and the pieces that continue it, joined. */
const HIGHLIGHTS = `(() => {
  const out = [];
  for (const m of document.querySelectorAll('mark[data-crossread-kind]')) {
    const key = m.getAttribute('data-crossread-kind') + ' ' + m.getAttribute('data-crossread-id');
    if (m.hasAttribute('data-crossread-first') || !out.length || out[out.length - 1].key !== key) out.push({ key, text: m.textContent });
    else out[out.length - 1].text += m.textContent;
  }
  return out;
})()`;

describe('content script in pages (no extension)', () => {
  for (const slug of ['story-retold', 'editable-names', 'other-story', 'plain-article']) {
    test(`${slug}: text unchanged, marks line up with the matcher's text, unmark restores the body exactly`, async () => {
      const errors: string[] = [];
      const page = await open(`${server.origin}/${slug}/page.html`, errors);
      try {
        const html = await page.evaluate(BODY);
        const text = await page.evaluate('document.body.textContent');
        await inject(page);
        assert.equal(await page.evaluate('document.body.textContent'), text, 'marks never change the text');
        const report = (await page.evaluate(`crossreadFake.message('page/report', {})`)) as {
          ok: boolean;
          value: { names: { count: number }[]; claims: { text: string }[] };
        };
        const highlights = (await page.evaluate(HIGHLIGHTS)) as { key: string; text: string }[];
        if (slug === 'story-retold') {
          assert.ok(highlights.length > 5, `marks: ${highlights.length}`);
          // The matcher's claim texts (from the segments it read) are exactly the marked texts.
          const marked = highlights.filter((h) => h.key.startsWith('claim')).map((h) => h.text);
          assert.deepEqual(marked.sort(), report.value.claims.map((c) => c.text).sort());
          assert.ok(
            highlights.some((h) => h.key === 'name tlas' && h.text === 'Manaf Tlass'),
            'across <em>',
          );
        }
        for (const h of highlights) if (h.key.startsWith('name')) assert.doesNotMatch(h.text, /^\s|\s$|'s$/);
        await page.evaluate(
          `crossreadFake.invalidate(); document.dispatchEvent(new CustomEvent('crossread:ping', { cancelable: true }))`,
        );
        await page.waitForFunction(`!document.querySelector('mark, [data-crossread-ui]')`, null, {
          timeout: 5000,
        });
        assert.equal(await page.evaluate(BODY), html, 'unmark restores body.innerHTML exactly');
        assert.equal(
          await page.evaluate(`document.documentElement.hasAttribute('data-crossread-state')`),
          false,
        );
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('a second injection does nothing; stale marks and UI from a saved page are stripped first', async () => {
    const page = await open(`${server.origin}/story-retold/page.html`);
    try {
      const clean = await page.evaluate(BODY);
      // A "Save Page As" copy taken while crossread ran: attributes, marks and UI saved with it.
      await page.evaluate(`(() => {
        document.documentElement.setAttribute('data-crossread', '');
        document.documentElement.setAttribute('data-crossread-state', 'ready');
        const p = document.getElementById('p-traps');
        p.innerHTML = p.innerHTML.replace('Air fares', '<mark class="crossread-mark" data-crossread-kind="name" data-crossread-id="old">Air fares</mark>');
        const ui = document.createElement('div'); ui.setAttribute('data-crossread-ui', ''); ui.textContent = 'old card';
        document.body.append(ui);
      })()`);
      await inject(page);
      assert.equal(
        await page.evaluate(`document.querySelectorAll('mark[data-crossread-id="old"]').length`),
        0,
      );
      assert.equal(await page.evaluate(`document.body.querySelectorAll('[data-crossread-ui]').length`), 0);
      const count = await page.evaluate(`document.querySelectorAll('mark[data-crossread-kind]').length`);
      assert.ok((count as number) > 0);
      await page.evaluate(bundle);
      await page.waitForTimeout(300);
      assert.equal(
        await page.evaluate(`document.querySelectorAll('mark[data-crossread-kind]').length`),
        count,
      );
      // Only the description block: the styles are the manifest's CSS, the card host comes with
      // the first hover.
      assert.equal(await page.evaluate(`document.querySelectorAll('[data-crossread-ui] ').length`), 1);
      await page.evaluate(
        `crossreadFake.invalidate(); document.dispatchEvent(new CustomEvent('crossread:ping', { cancelable: true }))`,
      );
      await page.waitForFunction(`!document.querySelector('mark')`, null, { timeout: 5000 });
      // The stale mark and UI are gone for good; everything else is as the clean page was.
      assert.equal(await page.evaluate(BODY), clean);
    } finally {
      await page.close();
    }
  });

  test('real saved pages: text unchanged, nothing in forbidden places, exact restore', async () => {
    for (const file of ['cnn.html', 'aclu.html', 'wikipedia.html', 'nytimes-1.html', 'bbc-1.html']) {
      const errors: string[] = [];
      const url = `${server.origin}/${file}`;
      const exists = await readFile(path.join(SHARED, 'pages', file)).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      const page = await open(url, errors);
      // The page's own scripts fail without their network: only errors after the injection count.
      errors.length = 0;
      try {
        const html = await page.evaluate(BODY);
        const text = await page.evaluate('document.body.textContent');
        await inject(page);
        assert.equal(await page.evaluate('document.body.textContent'), text, file);
        assert.equal(
          await page.evaluate(
            `document.querySelectorAll('input mark, textarea mark, select mark, script mark, style mark, noscript mark, svg mark, [contenteditable]:not([contenteditable="false"]) mark, [data-crossread-ui] mark').length`,
          ),
          0,
          file,
        );
        await page.evaluate(
          `crossreadFake.invalidate(); document.dispatchEvent(new CustomEvent('crossread:ping', { cancelable: true }))`,
        );
        await page.waitForFunction(`!document.querySelector('mark[data-crossread-kind]')`, null, {
          timeout: 5000,
        });
        assert.equal(await page.evaluate(BODY), html, file);
        assert.deepEqual(errors, [], file);
      } finally {
        await page.close();
      }
    }
  });
});
