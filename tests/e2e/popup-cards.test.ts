/**
 * The popup's cards and lookup (issue 5.2, 5.3, 5.5, 5.6, 5.7), independent of any page: the
 * built extension with the hand-made popup fixture index (tests/fixtures/pages/popup-corpus),
 * opened at ?fact= / ?name= / the lookup, in Chromium and Firefox. Checks a conflict card's bold
 * differing values and "not reported" rows, the reader view opened at the sentence, a name card's
 * spellings per outlet, the keyboard lookup with a spelling the corpus never used, axe-core in
 * light and dark, and saves the screenshots in docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import { DIST_CHROME, DIST_FIREFOX, FIXTURES, ROOT } from '../support/paths.ts';

const SHOTS = path.join(ROOT, 'docs/screenshots');
let work: string;
let chromeDir: string;
let firefoxDir: string;
let axeSource: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'crossread-popup-'));
  chromeDir = path.join(work, 'chrome');
  firefoxDir = path.join(work, 'firefox');
  const index = path.join(FIXTURES, 'pages/popup-corpus/index.json');
  for (const [from, to] of [
    [DIST_CHROME, chromeDir],
    [DIST_FIREFOX, firefoxDir],
  ] as const) {
    await cp(from, to, { recursive: true });
    await cp(index, path.join(to, 'index.json'));
  }
  // A copy whose index is broken: the popup must say so plainly.
  await cp(DIST_CHROME, path.join(work, 'broken'), { recursive: true });
  await writeFile(path.join(work, 'broken/index.json'), '{"version": 1, "sources": [');
  axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await mkdir(SHOTS, { recursive: true });
});
after(() => rm(work, { recursive: true, force: true }));

/** The part of the Playwright and Puppeteer page APIs these tests use (they agree on it). */
interface PopupPage {
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: both drivers type evaluate generically
  evaluate<R>(fn: (arg: any) => R | Promise<R>, arg?: unknown): Promise<R>;
  evaluate<R>(fn: string): Promise<R>;
  click(selector: string): Promise<void>;
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
  screenshot(options: { path: string }): Promise<unknown>;
  close(): Promise<void>;
}

type Open = (query: string) => Promise<PopupPage>;

/** Waits for the first paint with data; returns "navigation → paint (script start → paint)" in ms. */
async function ready(page: PopupPage): Promise<string> {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return page.evaluate(() => {
    const paint = Number(document.body.dataset.firstPaint);
    const start = Number(document.body.dataset.scriptStart);
    return `${paint.toFixed(0)} (${(paint - start).toFixed(0)})`;
  });
}

const texts = (page: PopupPage, selector: string) =>
  page.evaluate(
    (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent?.trim()),
    selector,
  );

/** Runs axe-core in the popup and returns its violations as "rule: target" lines. */
async function axe(page: PopupPage): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(`${axeSource};0`);
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await run.run(document);
    return (result.violations as { id: string; nodes: { target: string[] }[] }[]).flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
    );
  });
}

/** The whole flow in one browser; returns the first-paint times measured. */
async function cardsAndLookup(open: Open, browser: string): Promise<string[]> {
  const paints: string[] = [];

  // A conflict card: one row per source, the differing values bold, "not reported" rows.
  const factPage = await open('?fact=f-toll');
  paints.push(await ready(factPage));
  assert.deepEqual(await texts(factPage, '#fact-rows .row .outlet'), [
    'Gulf Courier',
    'Capital Times',
    'Northern Ledger',
    'Evening Dispatch',
  ]);
  assert.deepEqual(await texts(factPage, '#fact-rows strong.diff'), [
    'just under 13,000',
    'more than 15,000',
  ]);
  assert.deepEqual(await texts(factPage, '.timeline'), [
    'Changed over time: more than 15,000 (Capital Times, 2012-07-11) → just under 13,000 (Gulf Courier, 2012-07-12)',
  ]);
  assert.deepEqual(await texts(factPage, '#fact-rows .attribution'), [
    'According to Activists',
    'According to Opposition groups',
  ]);
  assert.deepEqual(await texts(factPage, '#fact-rows .stance'), [
    'Agrees',
    'Reports it differently',
    'Not reported',
    'Not reported',
  ]);
  assert.equal(
    await factPage.evaluate(() => document.activeElement?.tagName),
    'H1',
    'the card title has focus',
  );
  assert.deepEqual(await axe(factPage), [], `${browser}: axe on the fact card`);

  // The reader view, opened at that source's sentence.
  await factPage.click('[data-source="s3"] .read-source');
  await factPage.waitForSelector('#reader .sentence.target');
  assert.equal(
    (await texts(factPage, '#reader .sentence.target'))[0],
    'Opposition groups say more than 15,000 people have died since the violence began.',
  );
  assert.equal(
    await factPage.evaluate(() => document.activeElement?.classList.contains('target')),
    true,
    'focus is on the sentence',
  );
  assert.deepEqual(await axe(factPage), [], `${browser}: axe on the reader`);
  await factPage.keyboard.press('Escape');
  await factPage.waitForSelector('#fact-card');
  assert.equal(
    await factPage.evaluate(() =>
      document.activeElement?.closest('[data-source]')?.getAttribute('data-source'),
    ),
    's3',
    'Back returns focus to the button that opened the reader',
  );
  await factPage.close();

  // Two sources printing one wire report: counted as one report, each row tagged with its credit.
  const copyPage = await open('?fact=f-russia-draft');
  await ready(copyPage);
  assert.deepEqual(await texts(copyPage, '.stance-line'), [
    '2 agree (1 report: Newswire copy in 2) · 1 contradicts · 1 not reported',
  ]);
  assert.deepEqual(await texts(copyPage, '#fact-rows .copy'), ['Newswire copy', 'Newswire copy']);
  assert.equal(
    await copyPage.evaluate(() => document.querySelector('#fact-rows .copy')?.getAttribute('title')),
    'One report printed by several sources: Gulf Courier, Northern Ledger',
  );
  assert.deepEqual(await axe(copyPage), [], `${browser}: axe on a fact card with a shared report`);
  await copyPage.close();

  // A name card: every spelling with the outlets using it.
  const namePage = await open('?name=e-fares');
  paints.push(await ready(namePage));
  assert.equal((await texts(namePage, '#name-card h1'))[0], 'Nawaf al-Fares');
  const spellings = await namePage.evaluate(() =>
    [...document.querySelectorAll('#spellings .spelling')].map((li) => [
      li.querySelector('.spelling-text')?.textContent,
      li.querySelector('.outlets')?.textContent,
    ]),
  );
  assert.deepEqual(spellings, [
    ['Nawaf al-Fares', 'Gulf Courier · Capital Times'],
    ['Nawaf Fares', 'Northern Ledger'],
    ['Nawah al-Fares', 'Evening Dispatch'],
    ['Fares', 'Gulf Courier · Northern Ledger'],
  ]);
  assert.ok((await texts(namePage, '#name-facts .fact-item')).length >= 4, 'facts involving the name');
  assert.deepEqual(await axe(namePage), [], `${browser}: axe on the name card`);
  await namePage.close();

  // The lookup, by keyboard only: type, arrows, Enter; a spelling no outlet printed.
  const page = await open('');
  paints.push(await ready(page));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the search field has focus');
  await page.keyboard.type('Tlass');
  await page.waitForSelector('#lookup-results [data-name="e-tlas"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(
    await page.evaluate(() => document.getElementById('q')?.getAttribute('aria-activedescendant')),
    'opt-0',
  );
  assert.deepEqual(await axe(page), [], `${browser}: axe on the lookup`);
  await page.screenshot({ path: path.join(SHOTS, `popup-${browser}-lookup.png`) });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#name-card[data-name="e-tlas"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#lookup-results');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('Mohammed Sermini');
  await page.waitForSelector('#lookup-results .name-option[data-name="e-sermini"]');
  assert.equal((await texts(page, '#lookup-results .name-option .option-name'))[0], 'Mohammad Sermini');
  // Down to the first fact, Enter opens its card.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#fact-card[data-fact="f-sermini"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#lookup-results');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#view-home');
  assert.deepEqual(await axe(page), [], `${browser}: axe on the home view`);
  await page.close();
  return paints;
}

/** The screenshot a reader of the README sees: a conflict card. */
async function screenshot(open: Open, browser: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await open('?fact=f-channel');
  await ready(page);
  assert.equal(
    await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
    scheme === 'dark',
    `${browser} renders in ${scheme}`,
  );
  assert.deepEqual(await axe(page), [], `${browser} ${scheme}: axe on the fact card`);
  await page.screenshot({ path: path.join(SHOTS, `popup-${browser}-card-${scheme}.png`) });
  await page.close();
}

describe('chromium', () => {
  test('popup cards, reader, lookup, axe, screenshots', async () => {
    const session = await launchChromium(chromeDir);
    try {
      const open: Open = async (q) => (await session.openPopup(q)) as unknown as PopupPage;
      const paints = await cardsAndLookup(open, 'chromium');
      console.log(
        `# chromium first paint with data (ms after navigation, script start → paint): ${paints.join(', ')}`,
      );
      await screenshot(open, 'chromium', 'light');
      // Dark without a second launch: Playwright emulates the media feature per page.
      await screenshot(
        async (q) => {
          const page = await session.context.newPage();
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.setViewportSize({ width: 400, height: 600 });
          await page.goto(`chrome-extension://${session.extensionId}/popup.html${q}`);
          return page as unknown as PopupPage;
        },
        'chromium',
        'dark',
      );
    } finally {
      await session.close();
    }
  });
});

describe('chromium, broken index', () => {
  test('the popup says plainly that the index could not be loaded', async () => {
    const session = await launchChromium(path.join(work, 'broken'));
    try {
      const page = (await session.openPopup('?q=Tlass')) as unknown as PopupPage;
      await ready(page);
      const said = await page.evaluate(() => document.querySelector('.statement-error')?.textContent ?? '');
      assert.match(said, /^The corpus index could not be loaded: invalid index: not JSON/);
      assert.deepEqual(await axe(page), []);
    } finally {
      await session.close();
    }
  });
});

describe('firefox', () => {
  test('popup cards, reader, lookup, axe, screenshots', async () => {
    // Dark mode in Firefox is a launch pref: popup-page.test.ts checks it in its dark session.
    const session = await launchFirefox(firefoxDir);
    try {
      const open: Open = async (q) => (await session.openPopup(q)) as unknown as PopupPage;
      const paints = await cardsAndLookup(open, 'firefox');
      console.log(
        `# firefox first paint with data (ms after navigation, script start → paint): ${paints.join(', ')}`,
      );
      await screenshot(open, 'firefox', 'light');
    } finally {
      await session.close();
    }
  });
});
