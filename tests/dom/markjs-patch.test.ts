/**
 * The patched mark.js that ships (scripts/markjs-patch.ts, ADR 005) paints exactly what mark.js
 * 8.11.1 paints: both run in one Chromium page over the same markup and ranges, with crossread's
 * options and with the options that bring mark.js's own code back (`exclude`, a rejecting
 * filter), and must leave identical markup, call `each` with the same ranges in the same order,
 * and report the same count.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { markjsPatch } from '../../scripts/markjs-patch.ts';
import { CHROMIUM, requireBrowser } from '../support/chromium.ts';
import { bundleMarkjs } from '../support/markjs-bundle.ts';

interface Case {
  name: string;
  html: string;
  ranges: { start: number; length: number }[];
  /** 'crossread': element mark, a class, exclude [] (the shipped options); others exercise mark.js's own paths. */
  options?: 'crossread' | 'exclude' | 'filter-rejects-second';
}

const CASES: Case[] = [
  {
    name: 'one node',
    html: '<p>Nawaf al-Fares left Baghdad on Wednesday.</p>',
    ranges: [{ start: 0, length: 14 }],
  },
  {
    name: 'a range across inline elements',
    html: '<p>The envoy <a href="#">Nawaf <b>al-</b>Fares</a>, said to have <em>close ties</em> to security.</p>',
    ranges: [
      { start: 10, length: 14 },
      { start: 40, length: 20 },
    ],
  },
  {
    name: 'script, style and title text is skipped the same way',
    html: '<div>Before <script>var Fares = 1;</script>Fares <style>.x{}</style>after <span>Fares</span></div>',
    ranges: [
      { start: 7, length: 5 },
      { start: 19, length: 5 },
    ],
  },
  {
    name: 'empty text nodes and comments',
    html: '<p>a<!-- c --><span></span>bc <i></i>Manaf Tlas</p>',
    ranges: [{ start: 4, length: 10 }],
  },
  {
    name: 'overlapping, unsorted, whitespace-only and out-of-range ranges',
    html: '<p>one two   three four five</p>',
    ranges: [
      { start: 8, length: 3 },
      { start: 0, length: 3 },
      { start: 1, length: 4 },
      { start: 18, length: 40 },
      { start: 400, length: 2 },
    ],
  },
  {
    name: 'nested blocks and a name inside an earlier mark',
    html: '<section><p>first <mark data-old="1">Syria</mark> part</p><div><p>second paragraph Iraq</p></div></section>',
    ranges: [
      { start: 6, length: 5 },
      { start: 33, length: 4 },
    ],
  },
  {
    name: 'with exclude selectors (mark.js’s own matching)',
    html: '<div><p class="skip">Fares here</p><p>Fares there</p></div>',
    ranges: [
      { start: 0, length: 5 },
      { start: 10, length: 5 },
    ],
    options: 'exclude',
  },
  {
    name: 'a filter that rejects a node',
    html: '<div><p>Assad one</p><p>Assad two</p><p>Assad three</p></div>',
    ranges: [
      { start: 0, length: 5 },
      { start: 9, length: 5 },
      { start: 18, length: 5 },
    ],
    options: 'filter-rejects-second',
  },
];

/** In the page: marks `ranges` in a fresh copy of `html` with window[global], returns what happened. */
const RUN = `(([global, html, ranges, options]) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const seen = [];
  let done = -1;
  const opt = { element: 'mark', className: 'crossread-mark', exclude: [], each: (el, r) => seen.push([el.textContent, r.start, r.length]), done: (n) => { done = n; } };
  if (options === 'exclude') opt.exclude = ['.skip', '.skip *'];
  if (options === 'filter-rejects-second') {
    let n = 0;
    opt.filter = () => ++n !== 2;
  }
  new window[global](host).markRanges(ranges.map((r) => ({ ...r })), opt);
  const out = { html: host.innerHTML, seen, done };
  host.remove();
  return out;
})`;

let browser: Browser;
let page: Page;

before(async () => {
  requireBrowser(CHROMIUM, 'chromium');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>t</title></head><body></body></html>');
  await page.addScriptTag({ content: await bundleMarkjs('MarkOriginal', []) });
  await page.addScriptTag({ content: await bundleMarkjs('MarkPatched', [markjsPatch()]) });
  const kinds = await page.evaluate(() => [
    typeof (window as unknown as Record<string, unknown>).MarkOriginal,
    typeof (window as unknown as Record<string, unknown>).MarkPatched,
  ]);
  assert.deepEqual(kinds, ['function', 'function']);
});

after(async () => {
  await browser?.close();
});

describe('the patched mark.js paints as mark.js does', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const args = [c.html, c.ranges, c.options ?? 'crossread'];
      const original = await page.evaluate(`${RUN}(${JSON.stringify(['MarkOriginal', ...args])})`);
      const patched = await page.evaluate(`${RUN}(${JSON.stringify(['MarkPatched', ...args])})`);
      assert.deepEqual(patched, original);
      // The case must paint something, or the comparison proves nothing.
      assert.ok((original as { seen: unknown[] }).seen.length > 0, 'mark.js painted nothing in this case');
    });
  }

  test('the patched mark.js creates no NodeIterator with crossread’s options (none stays live)', async () => {
    const counts = await page.evaluate(() => {
      const made = { original: 0, patched: 0 };
      const real = document.createNodeIterator.bind(document);
      let current: 'original' | 'patched' = 'original';
      document.createNodeIterator = ((...a: Parameters<Document['createNodeIterator']>) => {
        made[current]++;
        return real(...a);
      }) as Document['createNodeIterator'];
      for (const k of ['original', 'patched'] as const) {
        current = k;
        const host = document.createElement('p');
        host.textContent = 'Nawaf al-Fares in Baghdad';
        document.body.append(host);
        const M = (
          window as unknown as Record<
            string,
            new (
              ctx: Element,
            ) => { markRanges: (r: unknown, o: unknown) => void }
          >
        )[k === 'original' ? 'MarkOriginal' : 'MarkPatched'] as new (
          ctx: Element,
        ) => { markRanges: (r: unknown, o: unknown) => void };
        new M(host).markRanges([{ start: 0, length: 5 }], { element: 'mark', exclude: [] });
        host.remove();
      }
      document.createNodeIterator = real;
      return made;
    });
    assert.deepEqual(counts, { original: 1, patched: 0 });
  });
});
