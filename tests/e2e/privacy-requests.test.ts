/**
 * Privacy (issue 6.5): while the reader browses several pages (the corpus's own article, so there
 * are marks and hover cards to open; a plain article; a form page), opens hover cards and the
 * popup, and searches in it, the extension makes no request at all. Chromium: every request of
 * the context (pages, popup, service worker) is recorded and only the extension's own files and
 * the test pages are allowed. Firefox: every non-local request goes to a recording proxy trap.
 * In both, the test server sees only the navigations the test made.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { foreignRequests, launchChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import { SETTLED } from '../support/page-checks.ts';
import { DIST_CHROME, FIXTURES } from '../support/paths.ts';
import { nonBrowserRequests } from '../support/proxy-trap.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const PAGES = ['/corpus-article.html', '/plain-article/page.html', '/checker-target.html'];

before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'), path.join(FIXTURES, 'hostile'));
  const index = JSON.parse(await readFile(path.join(DIST_CHROME, 'index.json'), 'utf8')) as {
    sources: { text: string }[];
  };
  const text = index.sources[0]?.text ?? 'An article the corpus does not know.';
  const body = text
    .split(/\n+/)
    .map((p) => `<p>${p.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)
    .join('');
  server.route(
    '/corpus-article.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Corpus article</title></head><body><main><article><h1>Corpus article</h1>${body}</article></main></body></html>`,
  );
});
after(() => server?.close());

/** Navigations that reached the server, less the favicon the browser asks for by itself. */
function takeHits(): string[] {
  const hits = server.hits.filter((h) => h !== '/favicon.ico');
  server.hits.length = 0;
  return hits;
}

/** Hovers the first few marks so hover cards are fetched and shown. */
const FIRST_MARKS = `[...document.querySelectorAll('mark[data-crossread-kind]')].slice(0, 3).length`;

describe('chromium', () => {
  test('browsing, hover cards and the popup make no request', async () => {
    const session = await launchChromium();
    try {
      takeHits();
      for (const route of PAGES) {
        const page = await session.context.newPage();
        await page.goto(`${server.origin}${route}`);
        await page.waitForFunction(SETTLED, null, { timeout: 15000 });
        const marks = (await page.evaluate(FIRST_MARKS)) as number;
        for (let i = 0; i < marks; i++) {
          await page.locator('mark[data-crossread-kind]').nth(i).hover();
          await page.waitForTimeout(300);
        }
        const popup = await session.openPopup();
        await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
        const search = popup.locator('input[type="search"], input[type="text"]').first();
        if (await search.count()) await search.fill('the');
        await popup.waitForTimeout(300);
        await popup.close();
        await page.close();
      }
      assert.deepEqual(foreignRequests(session, server.origin), []);
      assert.deepEqual(takeHits(), PAGES);
      // The recorder was listening: it saw every navigation.
      const seen = session.requests
        .filter((r) => r.url.startsWith(server.origin))
        .map((r) => new URL(r.url).pathname);
      for (const route of PAGES) assert.ok(seen.includes(route), `the recorder missed ${route}`);
    } finally {
      await session.close();
    }
  });
});

describe('firefox', () => {
  test('browsing, hover cards and the popup make no request', async () => {
    const session = await launchFirefox();
    try {
      takeHits();
      for (const route of PAGES) {
        const page = await session.browser.newPage();
        await page.goto(`${server.origin}${route}`);
        await page.waitForFunction(SETTLED, { timeout: 15000, polling: 100 });
        const marks = await page.$$('mark[data-crossread-kind]');
        for (const mark of marks.slice(0, 3)) {
          await mark.hover();
          await new Promise((r) => setTimeout(r, 300));
        }
        const popup = await session.openPopup();
        await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
        await popup.close();
        await page.close();
      }
      assert.deepEqual(nonBrowserRequests(session.trap), []);
      assert.deepEqual(takeHits(), PAGES);
    } finally {
      await session.close();
    }
  });
});
