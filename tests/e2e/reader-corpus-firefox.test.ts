/**
 * The reader's own corpus in Firefox, where the event page starts the indexer worker itself:
 * add two articles on one story from the popup, open a third and see its claims linked to them,
 * restart the browser on the same profile and see them still there; import a folder holding one
 * malformed file on the options page, export, clear, import the file and get the same corpus. No
 * request leaves the test server (the proxy trap sees none).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { type FirefoxSession, findPageTab, launchFirefox, setViewport } from '../support/firefox.ts';
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

const claimMarks = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('mark[data-crossread-kind="claim"]').length);

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

async function openOptions(session: FirefoxSession): Promise<Page> {
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
    () => (document.getElementById('corpus-summary')?.textContent ?? '') !== '',
    'the options page',
  );
  return options;
}

const rows = (options: Page) =>
  options.evaluate(() =>
    [...document.querySelectorAll('#corpus-list tbody tr')].map((tr) => tr.textContent ?? ''),
  );

const imported = (options: Page) =>
  until(
    options,
    () => /^Imported/.test(document.getElementById('import-status')?.textContent ?? ''),
    'the import',
  );

/** The stored article records, read from the options page's own database. */
const storedRecords = (options: Page) =>
  options.evaluate(async () => {
    const open = indexedDB.open('crossread-corpus');
    const db: IDBDatabase = await new Promise((r) => {
      open.onsuccess = () => r(open.result);
    });
    const all: { id: string }[] = await new Promise((r) => {
      const req = db.transaction('articles').objectStore('articles').getAll();
      req.onsuccess = () => r(req.result);
    });
    db.close();
    return all.sort((a, b) => a.id.localeCompare(b.id));
  });

test('firefox: add two articles, the third is checked against them, and a restart keeps them', async () => {
  const profile = { dir: path.join(scratch, 'profile'), uuid: randomUUID() };
  await mkdir(profile.dir, { recursive: true });
  const downloads = path.join(scratch, 'report-downloads');
  await mkdir(downloads, { recursive: true });
  let session = await launchFirefox(undefined, { profile, downloads });
  try {
    const page = await session.browser.newPage();
    await openArticle(page, 'herald');
    assert.equal(await claimMarks(page), 0, 'before anything is added, nothing on this story is known');
    const first = await addFromPopup(session, await openArticle(page, 'tribune'));
    assert.match(first, /^Added: \d+ facts; your corpus has 1 articles/, `the first add: ${first}`);
    const second = await addFromPopup(session, await openArticle(page, 'courier'));
    assert.match(second, /your corpus has 2 articles/, `the second add: ${second}`);
    await openArticle(page, 'herald');
    const linked = await claimMarks(page);
    assert.ok(linked >= 2, `the third article's claims are linked to the first two (${linked} claim marks)`);

    // The sidebar's report links the added sources at their sentences; Firefox opens them there.
    const panel = await session.browser.newPage();
    const bidi = session.browser as unknown as {
      connection: { send(m: string, p: unknown): Promise<unknown> };
    };
    await bidi.connection.send('browsingContext.navigate', {
      context: (panel.mainFrame() as unknown as { _id: string })._id,
      url: `moz-extension://${session.uuid}/sidepanel.html`,
      wait: 'none',
    });
    await until(panel, () => document.body.dataset.ready === '1', 'the sidebar');
    await page.bringToFront();
    await until(panel, () => !!document.getElementById('export-markdown'), 'the sidebar to follow the page');
    await panel.click('#export-markdown');
    const markdown = await readFile(await waitForDownload(downloads, '.md'), 'utf8');
    const links = [...markdown.matchAll(/\(<([^>]+#:~:text=[^>]+)>\)/g)].map((m) => m[1] as string);
    assert.ok(
      links.some((l) => l.includes('/tribune.html#:~:text=')) &&
        links.some((l) => l.includes('/courier.html#:~:text=')),
      `both added sources are linked at their sentences: ${links.join(' ')}`,
    );
    await panel.close();
    const reader = await session.browser.newPage();
    await setViewport(reader, 360, 160);
    let lowest = { link: '', at: -1, words: '' };
    for (const link of links) {
      await reader.goto(link.replace(/#.*$/, ''));
      const words = decodeURIComponent(link.split('#:~:text=')[1]?.split(',')[0] ?? '');
      const at = await reader.evaluate(
        (w: string) => (document.body.textContent ?? '').replace(/\s+/g, ' ').indexOf(w),
        words,
      );
      if (at > lowest.at) lowest = { link, at, words };
    }
    await reader.goto(lowest.link.replace(/#.*$/, ''));
    assert.equal(await reader.evaluate(() => scrollY), 0, 'without the fragment the source opens at its top');
    await reader.goto('about:blank');
    await reader.goto(lowest.link);
    await until(reader, () => scrollY > 0, 'the text fragment to scroll', 5000).catch(() => undefined);
    const landed = await reader.evaluate(() => scrollY);
    assert.ok(landed > 0, `Firefox opens the source at the sentence (scrollY ${landed}, ${lowest.link})`);
    await reader.close();
    assert.deepEqual(nonBrowserRequests(session.trap), [], 'no request left the test server');
  } finally {
    await session.close();
  }

  session = await launchFirefox(undefined, { profile });
  try {
    const page = await session.browser.newPage();
    await openArticle(page, 'herald');
    const linked = await claimMarks(page);
    assert.ok(linked >= 2, `after a restart the added articles still link the third (${linked} claim marks)`);
    const options = await openOptions(session);
    assert.equal((await rows(options)).length, 2, 'the options page lists the two articles');
  } finally {
    await session.close();
  }
});

test('firefox: a folder import names its bad file; export, clear, import gives the same corpus', async () => {
  const folder = path.join(scratch, 'harbour');
  await mkdir(folder, { recursive: true });
  await cp(path.join(FIXTURES, 'corpus-harbour'), folder, { recursive: true });
  await writeFile(path.join(folder, 'broken.json'), '{"text": "Dock workers at the port');
  const downloads = path.join(scratch, 'downloads');
  await mkdir(downloads, { recursive: true });
  const session = await launchFirefox(undefined, { downloads });
  try {
    const options = await openOptions(session);
    // Firefox's WebDriver BiDi cannot pick a directory (input.setFiles: "Is directory"), so the
    // folder input is given the folder's files, as its picker hands them over; the directory walk
    // itself is tested in Chromium.
    const input = (await options.$('#pick-folder')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...(await readdir(folder)).sort().map((f) => path.join(folder, f)));
    await imported(options);
    const problems = await options.evaluate(
      () => document.getElementById('import-problems')?.textContent ?? '',
    );
    assert.match(problems, /broken\.json: malformed JSON/, `the malformed file is named: ${problems}`);
    const listed = await rows(options);
    assert.equal(listed.length, 3, 'the three good articles of the folder are listed');
    assert.ok(
      listed.some((r) => r.includes('Valmora Tribune')),
      `sources.json gave the outlets: ${listed.join(' | ')}`,
    );
    const before = await storedRecords(options);

    await options.click('#export');
    const file = await waitForDownload(downloads);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { articles: { id: string }[] };
    assert.equal(exported.articles.length, 3, 'the export holds every article');

    await options.click('#clear');
    await options.click('#clear-yes');
    await until(options, () => document.querySelectorAll('#corpus-list tbody tr').length === 0, 'the clear');
    const picker = (await options.$('#pick-files')) as ElementHandle<HTMLInputElement>;
    await picker.uploadFile(file);
    await imported(options);
    assert.deepEqual((await rows(options)).sort(), [...listed].sort(), 'the same articles come back');
    assert.deepEqual(await storedRecords(options), before, 'every record comes back unchanged');
    assert.deepEqual(nonBrowserRequests(session.trap), [], 'no request left the test server');
  } finally {
    await session.close();
  }
});

/** The one finished file in the download folder (Firefox writes a .part file first). */
async function waitForDownload(dir: string, ext = '.json'): Promise<string> {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const done = (await readdir(dir)).filter((f) => f.endsWith(ext));
    const partial = (await readdir(dir)).some((f) => f.endsWith('.part'));
    if (done.length === 1 && !partial) return path.join(dir, done[0] as string);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no export was downloaded into ${dir}: ${(await readdir(dir)).join(', ')}`);
}
