/**
 * The reader's own corpus in Firefox, where the event page starts the indexer worker itself:
 * add two articles on one story from the popup, open a third and see its claims linked to them,
 * and import a folder holding one malformed file on the options page. No request leaves the test
 * server (the proxy trap sees none).
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { type FirefoxSession, findPageTab, launchFirefox } from '../support/firefox.ts';
import { FIXTURES } from '../support/paths.ts';
import { nonBrowserRequests } from '../support/proxy-trap.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let scratch: string;

before(async () => {
  server = await startServer(path.join(FIXTURES, 'corpus-pages'));
  scratch = await mkdtemp(path.join(tmpdir(), 'crossread-ff-import-'));
});
after(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

async function until(page: Page, fn: () => unknown, what: string, ms = 30000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function openArticle(page: Page, name: string): Promise<string> {
  const url = `${server.origin}/${name}.html`;
  await page.goto(url);
  await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
  return url;
}

async function addFromPopup(session: FirefoxSession, url: string): Promise<string> {
  const helper = await session.openPopup('?tab=none');
  await helper.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const tabId = await findPageTab(helper, url);
  await helper.close();
  assert.ok(typeof tabId === 'number', `found the tab of ${url}`);
  const popup = await session.openPopup(`?tab=${tabId}`);
  await popup.waitForSelector('#add-article', { timeout: 15000 });
  await popup.click('#add-article');
  await until(
    popup,
    () => {
      const said = document.getElementById('add-article-status')?.textContent ?? '';
      return said !== '' && !said.endsWith('…');
    },
    'the add to finish',
  );
  const said = await popup.evaluate(() => document.getElementById('add-article-status')?.textContent ?? '');
  await popup.close();
  return said;
}

test('firefox: add two articles, the third is checked against them; a folder import names its bad file', async () => {
  const session = await launchFirefox();
  try {
    const page = await session.browser.newPage();
    const marks = () =>
      page.evaluate(() => document.querySelectorAll('mark[data-crossread-kind="claim"]').length);
    await openArticle(page, 'herald');
    assert.equal(await marks(), 0, 'before anything is added, nothing on this story is known');
    const first = await addFromPopup(session, await openArticle(page, 'tribune'));
    assert.match(first, /^Added: \d+ facts; your corpus has 1 articles/, `the first add: ${first}`);
    const second = await addFromPopup(session, await openArticle(page, 'courier'));
    assert.match(second, /your corpus has 2 articles/, `the second add: ${second}`);
    await openArticle(page, 'herald');
    const linked = await marks();
    assert.ok(linked >= 2, `the third article's claims are linked to the first two (${linked} claim marks)`);

    const folder = path.join(scratch, 'harbour');
    await mkdir(folder, { recursive: true });
    await cp(path.join(FIXTURES, 'corpus-harbour'), folder, { recursive: true });
    await writeFile(path.join(folder, 'broken.json'), '{"text": "Dock workers at the port');
    const options = await session.browser.newPage();
    const bidi = session.browser as unknown as {
      connection: { send(m: string, p: unknown): Promise<unknown> };
    };
    await bidi.connection.send('browsingContext.navigate', {
      context: (options.mainFrame() as unknown as { _id: string })._id,
      url: `moz-extension://${session.uuid}/options.html`,
      wait: 'none',
    });
    await until(
      options,
      () => document.getElementById('corpus-summary')?.textContent !== '',
      'the options page',
    );
    const input = (await options.$('#pick-files')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(
      path.join(folder, '01_tribune.txt'),
      path.join(folder, '03_herald.txt'),
      path.join(folder, 'broken.json'),
    );
    await until(
      options,
      () => /^Imported/.test(document.getElementById('import-status')?.textContent ?? ''),
      'the import',
    );
    const problems = await options.evaluate(
      () => document.getElementById('import-problems')?.textContent ?? '',
    );
    assert.match(problems, /broken\.json: malformed JSON/, `the malformed file is named: ${problems}`);
    const rows = await options.evaluate(() => document.querySelectorAll('#corpus-list tbody tr').length);
    assert.equal(rows, 4, 'the two added pages and the two good files are listed');
    assert.deepEqual(nonBrowserRequests(session.trap), [], 'no request left the test server');
  } finally {
    await session.close();
  }
});
