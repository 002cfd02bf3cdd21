/**
 * The side panel and the minimap, as a reader uses them, in Chromium and Firefox: open a
 * seed-story page and the panel (sidepanel.html, opened as a page of its own: no driver can press
 * the browser's side-panel button), switch to another tab and back, navigate to a second article,
 * and see the panel follow each time; scroll the page and see the claim in view marked in the
 * panel; click a tick on the minimap and land on its claim; export the Markdown report from the
 * panel and read it back; axe-clean in light and dark. Prints how long the panel took to follow
 * a tab switch and a navigation (medians), and saves the README's screenshots.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../support/chromium.ts';
import { findPageTab, launchFirefox, setViewport } from '../support/firefox.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { nonBrowserRequests } from '../support/proxy-trap.ts';
import { startServer, type TestServer } from '../support/server.ts';

const SHOTS = path.join(ROOT, 'docs/screenshots');
const SWITCHES = 5;
const NAVIGATIONS = 3;
let server: TestServer;
let axeSource: string;
let scratch: string;

before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'));
  axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  scratch = await mkdtemp(path.join(tmpdir(), 'crossread-panel-'));
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const url = (slug: string) => `${server.origin}/${slug}/page.html`;

/** What both drivers' pages offer and these tests use. */
interface AnyPage {
  // biome-ignore lint/suspicious/noExplicitAny: both drivers type evaluate generically
  evaluate<R>(fn: (arg: any) => R | Promise<R>, arg?: unknown): Promise<R>;
  evaluate<R>(fn: string): Promise<R>;
  click(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
}

interface Driver {
  name: string;
  article(): Promise<AnyPage>;
  goto(page: AnyPage, url: string): Promise<void>;
  panel(): Promise<AnyPage>;
  /** Runs a keyboard command of the extension (as its shortcut would) in the active tab. */
  command?(name: string): Promise<unknown>;
  /** Shows `page` as in a browser set to dark mode (where the driver can switch it live). */
  dark?(page: AnyPage): Promise<unknown>;
  /** Clicks `selector` in `page` and returns the downloaded file's text. */
  download(page: AnyPage, selector: string): Promise<string>;
}

async function until<T>(page: AnyPage, fn: (arg: T) => unknown, arg: T, what: string, ms = 15000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

/** The fact ids the page's claim marks carry. */
const pageFacts = (page: AnyPage) =>
  page.evaluate(() => {
    const ids = new Set<string>();
    for (const m of document.querySelectorAll('mark[data-crossread-kind="claim"]'))
      for (const id of (m.getAttribute('data-crossread-id') ?? '').split(' ')) if (id) ids.add(id);
    return [...ids].sort();
  });

/** Waits until the panel lists exactly the claims of `facts` (its summary of that page). */
async function panelShows(panel: AnyPage, facts: string[], what: string): Promise<void> {
  await until(
    panel,
    (want: string[]) => {
      const shown = [
        ...new Set(
          [...document.querySelectorAll('#claims [data-fact]')].map((e) => (e as HTMLElement).dataset.fact),
        ),
      ];
      return shown.length > 0 && shown.every((id) => want.includes(id as string));
    },
    facts,
    what,
  );
}

async function axe(page: AnyPage): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object')))
    await page.evaluate(`${axeSource};0`);
  return page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(d: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    const { violations } = await a.run(document);
    return (violations as { id: string; nodes: { target: string[] }[] }[]).flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
    );
  });
}

async function panelFollows(d: Driver, log: (line: string) => void): Promise<void> {
  const a = await d.article();
  await d.goto(a, url('popup-article'));
  const b = await d.article();
  await d.goto(b, url('story-retold'));
  const aFacts = await pageFacts(a);
  const bFacts = await pageFacts(b);
  // A paragraph of A stating a fact B does not: added to B's page later, as an app would.
  const extra = await a.evaluate((other: string[]) => {
    for (const m of document.querySelectorAll('mark[data-crossread-kind="claim"]')) {
      const ids = (m.getAttribute('data-crossread-id') ?? '').split(' ');
      const text = m.closest('p')?.textContent;
      if (text && !ids.some((id) => other.includes(id))) return { text, ids };
    }
    return null;
  }, bFacts);
  assert.ok(extra, 'page A states a fact page B does not');
  assert.ok(aFacts.length > 0 && bFacts.length > 0, 'both pages have claims');
  assert.notDeepEqual(aFacts, bFacts, 'the two pages state different facts');

  const panel = await d.panel();
  await until(panel, () => document.body.dataset.ready === '1', null, 'the panel');

  // Tab switches, timed from the switch to the panel listing the other page's claims.
  const switches: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const [page, facts] = i % 2 === 0 ? [a, aFacts] : [b, bFacts];
    const t0 = Date.now();
    await page.bringToFront();
    await panelShows(panel, facts, `the panel to follow the switch to ${i % 2 === 0 ? 'A' : 'B'}`);
    switches.push(Date.now() - t0);
  }
  // A navigation in the followed tab: the panel shows the new article, then the first again.
  await a.bringToFront();
  await panelShows(panel, aFacts, 'the panel back on A');
  const navigations: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const [to, facts] = i % 2 === 0 ? ['story-retold', bFacts] : ['popup-article', aFacts];
    const t0 = Date.now();
    await d.goto(a, url(to));
    await panelShows(panel, facts, `the panel to follow the navigation to ${to}`);
    navigations.push(Date.now() - t0);
  }
  // New content on the page (an app adding a paragraph): the panel lists its claim, no reload.
  await a.evaluate((text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    (document.querySelector('article') ?? document.querySelector('main') ?? document.body).append(p);
  }, extra.text);
  await until(
    panel,
    (want: string[]) =>
      [...document.querySelectorAll('#claims [data-fact]')].some((e) =>
        want.includes((e as HTMLElement).dataset.fact ?? ''),
      ),
    extra.ids,
    'the panel to list the claim of the content added to the page',
  );
  log(
    `${d.name}: the panel followed a tab switch in ${median(switches)} ms (median of ${SWITCHES}: ${switches.join(', ')}) and a navigation in ${median(navigations)} ms (median of ${NAVIGATIONS}, page load included: ${navigations.join(', ')})`,
  );

  // Scrolling the page marks the claim in view in the panel: the first claim mark on screen.
  const last = await a.evaluate(() => {
    const marks = [...document.querySelectorAll('mark[data-crossread-kind="claim"]')];
    (marks[marks.length - 1] as HTMLElement).scrollIntoView({ block: 'start' });
    const seen = marks.find((m) => {
      const r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    return (seen?.getAttribute('data-crossread-id') ?? '').split(' ');
  });
  await until(
    panel,
    (ids: string[]) =>
      [...document.querySelectorAll('#claims .in-view[aria-current="location"]')].some((e) =>
        ids.includes((e as HTMLElement).dataset.fact ?? ''),
      ),
    last,
    'the panel to mark the claim in view',
  );

  // The minimap: one tick per claim mark; a tick goes to its claim.
  const ticks = await a.evaluate(() => {
    const host = document.querySelector('[data-crossread-ui="minimap"]');
    const nav = host?.shadowRoot?.querySelector('nav');
    return {
      ticks: nav?.querySelectorAll('button').length ?? 0,
      marks: document.querySelectorAll('mark[data-crossread-kind="claim"]').length,
      fixed: nav ? getComputedStyle(nav).position : '',
      inBody: !!host && document.body.contains(host),
      labelled: [...(nav?.querySelectorAll('button') ?? [])].every((b) => b.getAttribute('aria-label')),
    };
  });
  // A claim split by inline markup paints several <mark>s; the page reports it, and ticks it, once.
  const listed = await panel.evaluate(() => document.querySelectorAll('#claims [data-fact]').length);
  assert.equal(ticks.ticks, listed, `one tick per claim the panel lists: ${JSON.stringify(ticks)}`);
  assert.ok(ticks.ticks > 0 && ticks.ticks <= ticks.marks, 'ticks for the claim marks');
  assert.equal(ticks.fixed, 'fixed', 'the bar is fixed: it takes no room in the page');
  assert.equal(ticks.inBody, false, 'outside <body>: the article’s markup is untouched');
  assert.ok(ticks.labelled, 'every tick is labelled');
  await a.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await a.evaluate(() => {
    const nav = document.querySelector('[data-crossread-ui="minimap"]')?.shadowRoot?.querySelector('nav');
    const buttons = nav?.querySelectorAll('button') ?? [];
    (buttons[buttons.length - 1] as HTMLElement).click();
  });
  await until(
    a,
    () => {
      const el = document.activeElement as HTMLElement | null;
      const r = el?.getBoundingClientRect();
      return el?.matches('mark[data-crossread-kind="claim"]') && !!r && r.top >= 0 && r.bottom <= innerHeight;
    },
    null,
    'the last tick to bring its claim into view, focused',
  );

  // The next-conflict shortcut moves the page to a conflict, and the panel with it.
  if (d.command) {
    await a.bringToFront();
    await d.command('next-conflict');
    const went = await a.evaluate(() =>
      (document.activeElement as HTMLElement | null)?.getAttribute('data-crossread-status'),
    );
    assert.equal(went, 'conflict', 'the shortcut focused a conflicting claim');
    const ids = await a.evaluate(() =>
      (document.activeElement?.getAttribute('data-crossread-id') ?? '').split(' '),
    );
    await until(
      panel,
      (want: string[]) =>
        [...document.querySelectorAll('#claims .in-view')].some((e) =>
          want.includes((e as HTMLElement).dataset.fact ?? ''),
        ),
      ids,
      'the panel to mark the conflict the shortcut went to',
    );
  }

  // Export from the panel: the Markdown names the page and lists its claims.
  const markdown = await d.download(panel, '#export-markdown');
  assert.match(markdown, /^# crossread cross-check: /, `a Markdown report: ${markdown.slice(0, 80)}`);
  assert.match(
    markdown,
    new RegExp(`${server.origin.replace(/[.:/]/g, '\\$&')}/story-retold/page\\.html`),
    'its page: the article the tab shows now',
  );
  const claims = [...markdown.matchAll(/^### \d+\. /gm)].length;
  assert.ok(claims > 0, `the report lists the page’s claims (${claims})`);

  const violations = await axe(panel);
  assert.deepEqual(violations, [], `axe finds nothing in the ${d.name} panel (light)`);
  if (!d.dark) return;
  await d.dark(panel);
  await darkAxe(panel, d.name);
}

async function darkAxe(panel: AnyPage, name: string): Promise<void> {
  assert.ok(
    await panel.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
    'the panel is in dark mode',
  );
  const dark = await axe(panel);
  assert.deepEqual(dark, [], `axe finds nothing in the ${name} panel (dark)`);
}

test('chromium: the side panel follows tabs and navigations, the page’s scroll and the minimap', async (t) => {
  const session = await launchChromium();
  const downloads = path.join(scratch, 'chromium');
  try {
    let panelPage: import('playwright-core').Page | null = null;
    const driver: Driver = {
      name: 'Chromium',
      async article() {
        const page = await session.context.newPage();
        await page.setViewportSize({ width: 1000, height: 700 });
        return page;
      },
      async goto(page, to) {
        const p = page as import('playwright-core').Page;
        await p.goto(to);
        await p.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
      },
      async panel() {
        panelPage = await session.context.newPage();
        await panelPage.setViewportSize({ width: 420, height: 800 });
        await panelPage.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
        return panelPage;
      },
      dark: (page) => (page as import('playwright-core').Page).emulateMedia({ colorScheme: 'dark' }),
      command: (name) => session.worker.evaluate(`crossreadTest.runCommand(${JSON.stringify(name)})`),
      async download(page, selector) {
        const p = page as import('playwright-core').Page;
        const [file] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
        const to = path.join(downloads, file.suggestedFilename());
        await file.saveAs(to);
        return readFile(to, 'utf8');
      },
    };
    await panelFollows(driver, (line) => t.diagnostic(line));
    const panel = panelPage as unknown as import('playwright-core').Page;
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.evaluate(() => {
      for (const el of [document.scrollingElement, document.querySelector('main')]) el?.scrollTo(0, 0);
    });
    await panel.screenshot({ path: path.join(SHOTS, 'panel-chromium.png') });
    const article = session.context.pages().find((p) => p.url().includes('/page.html'));
    await article?.bringToFront();
    await article?.keyboard.press('Escape');
    await article?.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await article?.screenshot({ path: path.join(SHOTS, 'minimap-chromium.png') });

    // The popup's "Open in side panel" opens Chrome's own side panel on this page, and closes.
    const tabId = await session.worker.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }
          ).chrome.tabs.query({ active: true })
        )[0]?.id,
    );
    const popup = await session.openPopup(`?tab=${tabId}`);
    await popup.waitForSelector('#open-panel', { timeout: 15000 });
    await popup.click('#open-panel');
    const deadline = Date.now() + 10000;
    let contexts: string[] = [];
    while (Date.now() < deadline) {
      contexts = await session.worker.evaluate(async () =>
        (
          await (
            globalThis as unknown as {
              chrome: {
                runtime: { getContexts(f: object): Promise<{ contextType: string; documentUrl?: string }[]> };
              };
            }
          ).chrome.runtime.getContexts({})
        ).map((c) => `${c.contextType} ${c.documentUrl ?? ''}`),
      );
      if (contexts.some((c) => /^SIDE_PANEL .*\/sidepanel\.html$/.test(c))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(
      contexts.some((c) => /^SIDE_PANEL .*\/sidepanel\.html$/.test(c)),
      `the browser's side panel shows crossread: ${contexts.join(', ')}`,
    );
  } finally {
    await session.close();
  }
});

test('firefox: the sidebar follows tabs and navigations, the page’s scroll and the minimap', async (t) => {
  const downloads = path.join(scratch, 'firefox');
  await mkdir(downloads, { recursive: true });
  const session = await launchFirefox(undefined, { downloads });
  try {
    const bidi = session.browser as unknown as {
      connection: { send(m: string, p: unknown): Promise<unknown> };
    };
    const driver: Driver = {
      name: 'Firefox',
      async article() {
        const page = await session.browser.newPage();
        await setViewport(page, 1000, 700);
        return page as unknown as AnyPage;
      },
      async goto(page, to) {
        const p = page as unknown as import('puppeteer-core').Page;
        await p.goto(to);
        await p.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
      },
      async panel() {
        const page = await session.browser.newPage();
        await setViewport(page, 420, 800);
        await bidi.connection.send('browsingContext.navigate', {
          context: (page.mainFrame() as unknown as { _id: string })._id,
          url: `moz-extension://${session.uuid}/sidepanel.html`,
          wait: 'none',
        });
        return page as unknown as AnyPage;
      },
      async download(page, selector) {
        const before = new Set(await readdir(downloads));
        await page.click(selector);
        const deadline = Date.now() + 15000;
        while (Date.now() < deadline) {
          const names = await readdir(downloads);
          const done = names.filter((f) => !before.has(f) && f.endsWith('.md'));
          if (done.length === 1 && !names.some((f) => f.endsWith('.part')))
            return readFile(path.join(downloads, done[0] as string), 'utf8');
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.fail('no Markdown report was downloaded');
      },
    };
    await panelFollows(driver, (line) => t.diagnostic(line));

    // The popup's "Open in side panel" opens Firefox's own sidebar, and the popup closes.
    const helper = await session.openPopup('?tab=none');
    await helper.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    const isOpen = () =>
      helper.evaluate(() =>
        (
          globalThis as unknown as { browser: { sidebarAction: { isOpen(d: object): Promise<boolean> } } }
        ).browser.sidebarAction.isOpen({}),
      );
    assert.equal(await isOpen(), false, 'no sidebar before');
    const tab = await findPageTab(helper, url('story-retold'));
    const popup = await session.openPopup(`?tab=${tab}`);
    await popup.waitForSelector('#open-panel', { timeout: 15000 });
    await popup.click('#open-panel');
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && !(await isOpen())) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await isOpen(), true, 'the browser’s sidebar shows crossread');
    assert.deepEqual(nonBrowserRequests(session.trap), [], 'no request left the test server');
  } finally {
    await session.close();
  }
  // Firefox over BiDi cannot switch the theme live: a browser started in dark mode.
  const dark = await launchFirefox(undefined, { colorScheme: 'dark' });
  try {
    const page = await dark.browser.newPage();
    await page.goto(url('popup-article'));
    await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
    const panel = await dark.browser.newPage();
    await setViewport(panel, 420, 800);
    const bidi = dark.browser as unknown as { connection: { send(m: string, p: unknown): Promise<unknown> } };
    await bidi.connection.send('browsingContext.navigate', {
      context: (panel.mainFrame() as unknown as { _id: string })._id,
      url: `moz-extension://${dark.uuid}/sidepanel.html`,
      wait: 'none',
    });
    const p = panel as unknown as AnyPage;
    await until(p, () => document.body.dataset.ready === '1', null, 'the dark panel');
    await page.bringToFront();
    await panelShows(p, await pageFacts(page as unknown as AnyPage), 'the dark panel to follow the page');
    await darkAxe(p, 'Firefox');
  } finally {
    await dark.close();
  }
});
