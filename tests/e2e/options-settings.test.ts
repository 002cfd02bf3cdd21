/**
 * The options page's reading settings, in Chromium and Firefox: switching the minimap off keeps
 * it off a story page opened afterwards; a site switched off from the popup is listed and can be
 * turned on again here (the list follows storage changes made elsewhere); the keyboard shortcuts
 * are listed with their keys; axe finds nothing.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let axeSource: string;
before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'));
  axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
});
after(() => server.close());

interface AnyPage {
  // biome-ignore lint/suspicious/noExplicitAny: both drivers type evaluate generically
  evaluate<R>(fn: (arg: any) => R | Promise<R>, arg?: unknown): Promise<R>;
  evaluate<R>(fn: string): Promise<R>;
  click(selector: string): Promise<void>;
}

async function until<T>(page: AnyPage, fn: (arg: T) => unknown, arg: T, what: string): Promise<void> {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** The checks both browsers run; `story` opens the seed-story page in a new tab, ready. */
async function readingSettings(options: AnyPage, story: () => Promise<AnyPage>, name: string, keys: boolean) {
  await until(
    options,
    () => document.querySelectorAll('#shortcut-list li').length > 0,
    null,
    'the shortcuts',
  );
  const shortcuts = await options.evaluate(() =>
    [...document.querySelectorAll('#shortcut-list li')].map((li) => li.textContent ?? ''),
  );
  assert.equal(shortcuts.length, 3, `the three commands are listed: ${shortcuts.join(' | ')}`);
  // What the browser assigned is shown: Firefox gives the suggested keys; Chromium started with
  // --load-extension assigns none, and the list says "not set".
  const key = keys ? /Alt\+Shift\+N/ : /not set/;
  assert.ok(
    shortcuts.some((s) => key.test(s) && /next conflicting claim/.test(s)),
    `each with its key: ${shortcuts.join(' | ')}`,
  );

  // A site switched off elsewhere (the popup writes the same storage) shows up, and comes back on.
  await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
    ).chrome.storage.sync.set({ disabledSites: ['news.example'] }),
  );
  await until(
    options,
    () => !!document.querySelector('#site-list li[data-host="news.example"]'),
    null,
    'the site list',
  );
  await options.click('#site-list li[data-host="news.example"] button');
  await until(
    options,
    () => document.querySelectorAll('#site-list li').length === 0,
    null,
    'the site to come back on',
  );
  const stored = await options.evaluate(
    async () =>
      (
        await (
          globalThis as unknown as {
            chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.sync.get('disabledSites')
      ).disabledSites,
  );
  assert.deepEqual(stored, [], 'the switch is stored');

  if (!(await options.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object')))
    await options.evaluate(`${axeSource};0`);
  const violations = await options.evaluate(async () => {
    const a = (
      globalThis as unknown as { axe: { run(d: Document): Promise<{ violations: { id: string }[] }> } }
    ).axe;
    return (await a.run(document)).violations.map((v) => v.id);
  });
  assert.deepEqual(violations, [], `axe finds nothing on the ${name} options page`);

  // The minimap: on by default, off once switched off here.
  const before = await story();
  const shown = await before.evaluate(() => !!document.querySelector('[data-crossread-ui="minimap"]'));
  assert.equal(shown, true, 'the minimap is on by default');
  assert.equal(
    await options.evaluate(() => (document.getElementById('minimap') as HTMLInputElement).checked),
    true,
    'the box says so',
  );
  await options.click('#minimap');
  await until(
    options,
    async () =>
      (
        await (
          globalThis as unknown as {
            chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.sync.get('minimap')
      ).minimap === false,
    null,
    'the setting to be stored',
  );
  const after = await story();
  const claims = await after.evaluate(
    () => document.querySelectorAll('mark[data-crossread-kind="claim"]').length,
  );
  assert.ok(claims > 0, 'the page still has its claims');
  assert.equal(
    await after.evaluate(() => !!document.querySelector('[data-crossread-ui="minimap"]')),
    false,
    'switched off, no minimap is drawn',
  );
  // The bar takes no room: the page is laid out the same with it and without it.
  const layout = () =>
    JSON.stringify({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      paragraphs: [...document.querySelectorAll('p')].map((p) => {
        const r = p.getBoundingClientRect();
        return [r.left, r.top + scrollY, r.width, r.height];
      }),
    });
  assert.equal(
    await before.evaluate(layout),
    await after.evaluate(layout),
    'the minimap shifts nothing on the page',
  );
}

test('chromium: the options page gathers the minimap, the site list and the shortcuts', async () => {
  const session = await launchChromium();
  try {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await readingSettings(
      options,
      async () => {
        const page = await session.context.newPage();
        await page.goto(`${server.origin}/popup-article/page.html`);
        await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
        return page;
      },
      'Chromium',
      false,
    );
  } finally {
    await session.close();
  }
});

test('firefox: the options page gathers the minimap, the site list and the shortcuts', async () => {
  const session = await launchFirefox();
  try {
    const options = await session.browser.newPage();
    const bidi = session.browser as unknown as {
      connection: { send(m: string, p: unknown): Promise<unknown> };
    };
    await bidi.connection.send('browsingContext.navigate', {
      context: (options.mainFrame() as unknown as { _id: string })._id,
      url: `moz-extension://${session.uuid}/options.html`,
      wait: 'none',
    });
    await readingSettings(
      options as unknown as AnyPage,
      async () => {
        const page = await session.browser.newPage();
        await page.goto(`${server.origin}/popup-article/page.html`);
        await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 20000 });
        return page as unknown as AnyPage;
      },
      'Firefox',
      true,
    );
  } finally {
    await session.close();
  }
});
