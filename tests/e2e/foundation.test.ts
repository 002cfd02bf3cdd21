/**
 * The built extension, as shipped, in both real browsers (issue 2): the content script runs and
 * reaches `ready`, the popup renders from the bundled index through the background, and the
 * extension makes no network request.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { foreignRequests, launchChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import { DIST_CHROME, FIXTURES } from '../support/paths.ts';
import { nonBrowserRequests } from '../support/proxy-trap.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let corpusLine: RegExp;

before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'));
  const index = JSON.parse(await readFile(path.join(DIST_CHROME, 'index.json'), 'utf8'));
  // The popup can only know these counts from the bundled index, through the background.
  corpusLine = new RegExp(
    `^${index.sources.length} sources? · ${index.facts.length} facts? · ${index.entities.length} names?$`,
  );
  assert.ok(index.sources.length > 0 && index.facts.length > 0, 'the built index is not empty');
});
after(() => server.close());

/** What reached the test server, less the favicon the browser itself asks for. */
function pageHits(): string[] {
  const hits = server.hits.filter((h) => h !== '/favicon.ico');
  server.hits.length = 0;
  return hits;
}

describe('chromium', () => {
  test('content script, popup, messaging, no network', async () => {
    const session = await launchChromium();
    try {
      const page = await session.context.newPage();
      await page.goto(`${server.origin}/plain-article/page.html`);
      await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });

      const popup = await session.openPopup();
      await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
      // The popup can only show the corpus through the background: this proves popup ↔ background messaging.
      const overview = await popup.textContent('.corpus-line');
      assert.match(overview ?? '', corpusLine);

      assert.deepEqual(foreignRequests(session, server.origin), []);
      assert.deepEqual(pageHits(), ['/plain-article/page.html']);
    } finally {
      await session.close();
    }
  });
});

describe('firefox', () => {
  test('content script, popup, messaging, no network', async () => {
    const session = await launchFirefox();
    try {
      const page = await session.browser.newPage();
      await page.goto(`${server.origin}/plain-article/page.html`);
      await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });

      const popup = await session.openPopup();
      await popup.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
      const overview = await popup.$eval('.corpus-line', (el) => el.textContent);
      assert.match(overview ?? '', corpusLine);

      assert.deepEqual(nonBrowserRequests(session.trap), []);
      assert.deepEqual(pageHits(), ['/plain-article/page.html']);
    } finally {
      await session.close();
    }
  });
});
