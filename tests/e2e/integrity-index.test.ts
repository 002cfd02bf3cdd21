/**
 * Index integrity (issue 6.7): copies of the built Chrome extension with a truncated, corrupt,
 * wrong-version, hostile or missing index.json. Each must be refused with exactly one clear
 * `crossread:` error in the background; the content script still settles and paints nothing; the
 * popup says why, as text (a hostile value in the error stays inert).
 *
 * The control copy carries the valid index: the same page gets marks from it whenever the corpus
 * names anything on that page, so "no marks" below is not just an empty index.
 */
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import {
  copyExtension,
  INSPECT,
  type PageInspection,
  RECORD_ERRORS,
  SETTLED,
} from '../support/page-checks.ts';
import { DIST_CHROME, DIST_FIREFOX } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let valid: string;
let parsed: { sources: { text: string; title?: string | null }[]; [key: string]: unknown };

const HOSTILE_TEXT = '<img src=x onerror="document.title=\'pwned\'">';

/** Each variant: what index.json becomes (null = no file), and what the one error must say. */
const VARIANTS: { name: string; index: () => string | null; error: RegExp }[] = [
  { name: 'truncated', index: () => valid.slice(0, Math.floor(valid.length / 2)), error: /not JSON/ },
  { name: 'corrupt bytes', index: () => `\u0000\u00ff${valid.slice(7)}\u0001`, error: /not JSON/ },
  { name: 'empty file', index: () => '', error: /not JSON/ },
  {
    name: 'wrong version',
    index: () => JSON.stringify({ ...parsed, version: 999 }),
    error: /version.*999/,
  },
  {
    name: 'version as a string',
    index: () => JSON.stringify({ ...parsed, version: String(parsed.version) }),
    error: /version/,
  },
  {
    name: 'hostile: markup in ids, prototype keys, a dangling reference',
    index: () =>
      `{"__proto__":{"polluted":true},${JSON.stringify({
        ...parsed,
        entities: [
          {
            id: HOSTILE_TEXT,
            name: HOSTILE_TEXT,
            type: 'person',
            mentions: 1,
            aliases: [{ text: HOSTILE_TEXT, sources: [HOSTILE_TEXT] }],
          },
        ],
      }).slice(1)}`,
    error: /entities\[0\]\.aliases\[0\]\.sources\[0\]: unknown source/,
  },
  {
    name: 'deeply nested',
    index: () => `${'['.repeat(200000)}${']'.repeat(200000)}`,
    error: /expected an object|not JSON/,
  },
  { name: 'missing', index: () => null, error: /index\.json|fetch/i },
];

/** A page made of the corpus's own first article (or a plain one if the corpus is empty). */
function articlePage(): string {
  const source = parsed.sources[0];
  const paragraphs = (source?.text ?? 'Nothing in the corpus.')
    .split(/\n+/)
    .map((p) => `<p>${p.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Integrity</title></head><body><main><article><h1>Integrity</h1>${paragraphs}</article></main></body></html>`;
}

before(async () => {
  valid = await readFile(path.join(DIST_CHROME, 'index.json'), 'utf8');
  parsed = JSON.parse(valid);
  server = await startServer();
  server.route('/article.html', articlePage());
});
after(() => server?.close());

async function run(index: string | null) {
  const copy = await copyExtension(DIST_CHROME, async (dir) => {
    const bg = path.join(dir, 'background.js');
    await writeFile(bg, RECORD_ERRORS + (await readFile(bg, 'utf8')));
    if (index === null) await rm(path.join(dir, 'index.json'));
    else await writeFile(path.join(dir, 'index.json'), index);
  });
  const session = await launchChromium(copy.dir);
  try {
    const page = await session.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/article.html`);
    await page.waitForFunction(SETTLED, null, { timeout: 15000 });
    const inspection = (await page.evaluate(INSPECT)) as PageInspection;
    const popup = await session.openPopup();
    await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const popupText = (await popup.textContent('body')) ?? '';
    const popupImages = await popup.locator('[onerror], img[src="x"]').count();
    const popupTitle = await popup.title();
    const errors = (await session.worker.evaluate('globalThis.crossreadErrors')) as string[];
    return { inspection, popupText, popupImages, popupTitle, errors, pageErrors };
  } finally {
    await session.close();
    await copy.remove();
  }
}

describe('chromium: a bad index.json is refused with one clear error', () => {
  test('control: the valid index loads without an error', async () => {
    const result = await run(valid);
    assert.deepEqual(result.errors, []);
    assert.equal(result.inspection.state, 'ready');
    const names = (parsed.entities as unknown[]).length;
    // The corpus's own article must light up when the corpus knows any name at all.
    if (names > 0) assert.ok(result.inspection.marks > 0, 'the control page got no marks from a valid index');
  });

  for (const variant of VARIANTS) {
    test(variant.name, async () => {
      const index = variant.index();
      const result = await run(index);
      const ours = result.errors.filter((e) => e.startsWith('crossread:'));
      assert.equal(ours.length, 1, `expected one crossread error, got ${JSON.stringify(result.errors)}`);
      assert.match(ours[0] ?? '', variant.error);
      assert.ok((ours[0] ?? '').length < 400, 'the error is one short line');
      assert.equal(result.inspection.state, 'ready');
      assert.equal(result.inspection.marks, 0, 'nothing is painted from a refused index');
      assert.deepEqual(result.pageErrors, []);
      // The popup says why, in words taken from the background's error, and never as markup.
      const detail = (ours[0] ?? '').replace(/^crossread:\s*/, '').slice(0, 40);
      assert.ok(
        result.popupText.includes(detail),
        `popup text lacks "${detail}": ${result.popupText.slice(0, 300)}`,
      );
      assert.equal(result.popupImages, 0, 'markup from the index was parsed in the popup');
      assert.notEqual(result.popupTitle, 'pwned');
    });
  }
});

describe('firefox: a bad index.json is refused and the popup says why', () => {
  for (const variant of VARIANTS.filter((v) => /^(truncated|wrong version|hostile)/.test(v.name))) {
    test(variant.name, async () => {
      const index = variant.index();
      const copy = await copyExtension(DIST_FIREFOX, async (dir) => {
        if (index === null) await rm(path.join(dir, 'index.json'));
        else await writeFile(path.join(dir, 'index.json'), index);
      });
      const session = await launchFirefox(copy.dir);
      try {
        const page = await session.browser.newPage();
        await page.goto(`${server.origin}/article.html`);
        await page.waitForFunction(SETTLED, { timeout: 15000, polling: 100 });
        const inspection = (await page.evaluate(INSPECT)) as PageInspection;
        assert.equal(inspection.state, 'ready');
        assert.equal(inspection.marks, 0, 'nothing is painted from a refused index');
        const popup = await session.openPopup();
        await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
        const shown = (await popup.evaluate(
          `({ text: document.body.textContent, injected: document.querySelectorAll('[onerror], img[src="x"]').length, title: document.title })`,
        )) as { text: string; injected: number; title: string };
        assert.match(shown.text, variant.error, `the popup does not say why: ${shown.text.slice(0, 300)}`);
        assert.equal(shown.injected, 0);
        assert.notEqual(shown.title, 'pwned');
      } finally {
        await session.close();
        await copy.remove();
      }
    });
  }
});
