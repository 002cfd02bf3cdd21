/**
 * The reader's own corpus, end to end in Chromium as a reader uses it: add two articles on one
 * story from the popup, open a third and see its claims linked to them; reload an added page and
 * see it is not checked against itself; restart the browser profile and find them still there;
 * import a folder holding one malformed file; export, clear, import, and get the same corpus.
 * No request leaves the test server. Saves the options page screenshot in docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type ChromiumSession, foreignRequests, launchChromium } from '../support/chromium.ts';
import { DIST_CHROME, FIXTURES, ROOT } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

type TabsApi = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
let server: TestServer;
let profile: string;
let scratch: string;

before(async () => {
  server = await startServer(path.join(FIXTURES, 'corpus-pages'));
  profile = await mkdtemp(path.join(tmpdir(), 'crossread-profile-'));
  scratch = await mkdtemp(path.join(tmpdir(), 'crossread-import-'));
});
after(async () => {
  await server.close();
  await rm(profile, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

/** The page's tab id (the extension asks for no `tabs` permission, so by the active tab). */
async function tabOf(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({ active: true }))[0]?.id,
  );
  assert.ok(typeof id === 'number', `a tab shows ${page.url()}`);
  return id as number;
}

async function openArticle(page: Page, name: string): Promise<void> {
  await page.goto(`${server.origin}/${name}.html`);
  await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
}

async function addFromPopup(session: ChromiumSession, page: Page): Promise<string> {
  const popup = await session.openPopup(`?tab=${await tabOf(session, page)}`);
  await popup.waitForSelector('#add-article', { timeout: 15000 });
  await popup.click('#add-article');
  await popup.waitForFunction(
    () => {
      const said = document.getElementById('add-article-status')?.textContent ?? '';
      return said !== '' && !said.endsWith('…');
    },
    undefined,
    { timeout: 30000 },
  );
  const said = (await popup.textContent('#add-article-status')) ?? '';
  await popup.close();
  return said;
}

const claimMarks = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('mark[data-crossread-kind="claim"]').length);

async function options(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.waitForSelector('#corpus-summary:not(:empty)', { timeout: 15000 });
  return page;
}

const rows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#corpus-list tbody tr')].map((r) => (r as HTMLElement).dataset.article),
  );

test('chromium: add two articles, the third is checked against them, and the corpus survives a restart', async () => {
  let session = await launchChromium(DIST_CHROME, { userDataDir: profile });
  try {
    const page = await session.context.newPage();
    await openArticle(page, 'herald');
    assert.equal(
      await claimMarks(page),
      0,
      'before anything is added, the seed corpus knows nothing of this story',
    );

    await openArticle(page, 'tribune');
    const first = await addFromPopup(session, page);
    assert.match(
      first,
      /^Added: \d+ facts; your corpus has 1 articles/,
      `the first add says what it did: ${first}`,
    );
    await openArticle(page, 'courier');
    const second = await addFromPopup(session, page);
    assert.match(second, /your corpus has 2 articles/, `the second add: ${second}`);
    assert.match(
      await addFromPopup(session, page),
      /already in your corpus/,
      'adding it again keeps one copy',
    );
    // From the page's context menu, the toolbar button of the tab says how the add went.
    const tabId = await tabOf(session, page);
    const menu = await session.worker.evaluate(async (id) => {
      const g = globalThis as unknown as {
        crossreadTest: { onContextMenuClick(i: unknown, tab: unknown): Promise<string> };
        chrome: {
          action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
        };
      };
      const outcome = await g.crossreadTest.onContextMenuClick(
        { menuItemId: 'crossread-add-article' },
        { id },
      );
      return {
        outcome,
        badge: await g.chrome.action.getBadgeText({ tabId: id }),
        title: await g.chrome.action.getTitle({ tabId: id }),
      };
    }, tabId);
    assert.deepEqual(
      { outcome: menu.outcome, badge: menu.badge },
      { outcome: 'known', badge: '=' },
      `the context menu's add is answered on the toolbar button: ${JSON.stringify(menu)}`,
    );
    assert.match(menu.title, /already in your corpus/, 'the button’s tooltip says why');

    await openArticle(page, 'herald');
    const linked = await claimMarks(page);
    assert.ok(linked >= 2, `the third article's claims are linked to the first two (${linked} claim marks)`);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('mark[data-crossread-kind="claim"]')].map((m) =>
        m.getAttribute('data-crossread-id'),
      ),
    );
    assert.ok(ids.every(Boolean), 'every claim mark names its fact');

    // The side panel's report of the third page links each added source at its sentence, and
    // the browser opens the source there (a text fragment resolved on the served page).
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await panel.waitForSelector('body[data-ready="1"]');
    await page.bringToFront();
    await panel.waitForSelector('#export-markdown', { timeout: 15000 });
    const [file] = await Promise.all([panel.waitForEvent('download'), panel.click('#export-markdown')]);
    const saved = path.join(scratch, file.suggestedFilename());
    await file.saveAs(saved);
    const markdown = await readFile(saved, 'utf8');
    const links = [...markdown.matchAll(/\(<([^>]+#:~:text=[^>]+)>\)/g)].map((m) => m[1] as string);
    assert.ok(
      links.some((l) => l.includes('/tribune.html#:~:text=')) &&
        links.some((l) => l.includes('/courier.html#:~:text=')),
      `both added sources are linked at their sentences: ${links.join(' ')}`,
    );
    await panel.close();
    const reader = await session.context.newPage();
    await reader.setViewportSize({ width: 360, height: 160 });
    // The link whose sentence sits lowest on its page: opened at it, the page must have scrolled.
    let lowest = { link: '', at: -1, words: '' };
    for (const link of links) {
      await reader.goto(link.replace(/#.*$/, ''));
      const words = decodeURIComponent(link.split('#:~:text=')[1]?.split(',')[0] ?? '');
      const at = await reader.evaluate(
        (w) => (document.body.textContent ?? '').replace(/\s+/g, ' ').indexOf(w),
        words,
      );
      if (at > lowest.at) lowest = { link, at, words };
    }
    await reader.goto(lowest.link.replace(/#.*$/, ''));
    assert.equal(await reader.evaluate(() => scrollY), 0, 'without the fragment the source opens at its top');
    await reader.goto('about:blank');
    await reader.goto(lowest.link);
    await reader.waitForFunction(() => scrollY > 0, undefined, { timeout: 5000 }).catch(() => undefined);
    const landed = await reader.evaluate((w) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
      let hit: Element | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if ((n.textContent ?? '').replace(/\s+/g, ' ').includes(w)) hit = n as Element;
      const r = hit?.getBoundingClientRect();
      return { scrollY, top: r?.top ?? -1, bottom: r?.bottom ?? -1, height: innerHeight };
    }, lowest.words);
    assert.ok(
      landed.scrollY > 0 && landed.bottom > 0 && landed.top < landed.height,
      `the text fragment opens the source at the sentence: ${JSON.stringify({ ...landed, link: lowest.link })}`,
    );
    await reader.close();

    // An added page, reloaded, is one of the sources: never checked against itself.
    await openArticle(page, 'courier');
    const popup = await session.openPopup(`?tab=${await tabOf(session, page)}`);
    await popup.waitForSelector('#open-sources', { timeout: 15000 });
    await popup.click('#open-sources');
    await popup.waitForFunction(() => /your corpus/.test(document.body.textContent ?? ''), undefined, {
      timeout: 10000,
    });
    await popup.close();
    assert.deepEqual(foreignRequests(session, server.origin), [], 'no request left the test server');
  } finally {
    await session.close();
  }

  session = await launchChromium(DIST_CHROME, { userDataDir: profile });
  try {
    const page = await session.context.newPage();
    await openArticle(page, 'herald');
    assert.ok((await claimMarks(page)) >= 2, 'after a restart the added articles still link the third');
    const opts = await options(session);
    assert.equal((await rows(opts)).length, 2, 'the options page lists the two articles');
  } finally {
    await session.close();
  }
});

test('chromium: import a folder with one malformed file; export, clear, import gives the same corpus', async () => {
  const folder = path.join(scratch, 'harbour');
  await mkdir(folder, { recursive: true });
  await cp(path.join(FIXTURES, 'corpus-harbour'), folder, { recursive: true });
  await writeFile(path.join(folder, 'broken.json'), '{"text": "Dock workers at the port');
  const session = await launchChromium(DIST_CHROME, { userDataDir: profile });
  try {
    const page = await options(session);
    const before = (await rows(page)).length;
    await page.setInputFiles('#pick-folder', folder);
    await page.waitForFunction(
      () => /^Imported/.test(document.getElementById('import-status')?.textContent ?? ''),
      undefined,
      {
        timeout: 60000,
      },
    );
    const problems = await page.textContent('#import-problems');
    assert.match(
      problems ?? '',
      /harbour\/broken\.json: malformed JSON/,
      `the malformed file is named: ${problems}`,
    );
    const listed = await rows(page);
    assert.equal(listed.length, before + 3, 'the three good articles are imported beside it');
    const outlets = await page.evaluate(() =>
      [...document.querySelectorAll('#corpus-list tbody tr td:first-child')].map((td) => td.textContent),
    );
    assert.ok(outlets.includes('Valmora Tribune'), `sources.json gave the outlets: ${outlets}`);
    await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/options-chromium.png'), fullPage: true });

    // Read opens the article in the popup's source reader, in a tab of its own.
    const tribuneRow = page.locator('#corpus-list tbody tr', { hasText: 'Valmora Tribune' }).first();
    const [reader] = await Promise.all([
      session.context.waitForEvent('page'),
      tribuneRow.getByRole('button', { name: /^Read/ }).click(),
    ]);
    await reader.waitForSelector('#reader #reader-text', { timeout: 15000 });
    const shown = (await reader.textContent('#reader-text')) ?? '';
    assert.match(
      shown.replace(/\s+/g, ' '),
      /Dock workers at the Port of Valmora walked out on Monday/,
      `the source reader shows the article: ${shown.slice(0, 120)}`,
    );
    await reader.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const file = path.join(scratch, 'export.json');
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.articles.length, listed.length, 'the export holds every article');

    await page.click('#clear');
    await page.click('#clear-yes');
    await page.waitForFunction(
      () => document.querySelectorAll('#corpus-list tbody tr').length === 0,
      undefined,
      {
        timeout: 30000,
      },
    );
    await page.setInputFiles('#pick-files', file);
    await page.waitForFunction(
      () => /^Imported/.test(document.getElementById('import-status')?.textContent ?? ''),
      undefined,
      {
        timeout: 60000,
      },
    );
    assert.deepEqual((await rows(page)).sort(), [...listed].sort(), 'the same articles come back');
    const reexported = await page.evaluate(async () => {
      const open = indexedDB.open('crossread-corpus');
      const db: IDBDatabase = await new Promise((r) => {
        open.onsuccess = () => r(open.result);
      });
      const all: unknown[] = await new Promise((r) => {
        const req = db.transaction('articles').objectStore('articles').getAll();
        req.onsuccess = () => r(req.result);
      });
      return all;
    });
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(
      byId(reexported as { id: string }[]),
      byId(exported.articles),
      'every record comes back unchanged',
    );
    assert.deepEqual(foreignRequests(session, server.origin), [], 'no request left the test server');
  } finally {
    await session.close();
  }
});
