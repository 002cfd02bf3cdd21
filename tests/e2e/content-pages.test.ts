/**
 * The content script as shipped (issue 4), in Chromium and Firefox, on fixture pages written for
 * it: the seeds' story told in other words, a page about something else, an article that arrives
 * 2 s after load, names inside form fields and editable content. Also the hover card (focus,
 * Escape), the per-site switch (live, through storage.sync), and the popup's page report.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ChromiumSession, launchChromium } from '../support/chromium.ts';
import { type FirefoxSession, launchFirefox } from '../support/firefox.ts';
import { FIXTURES } from '../support/paths.ts';
import { startServer, type TestServer } from '../support/server.ts';

/** What both drivers offer, as the tests use it. */
interface Driver {
  goto(url: string): Promise<void>;
  run<T>(expression: string): Promise<T>;
  waitFor(expression: string, timeout?: number): Promise<void>;
  press(key: string): Promise<void>;
  errors: string[];
  close(): Promise<void>;
}

interface MarkInfo {
  kind: string;
  id: string;
  status: string | null;
  text: string;
  focusable: boolean;
  /** The id of the nearest ancestor that has one. */
  in: string;
}

const MARKS = `[...document.querySelectorAll('mark[data-crossread-kind]')].map((m) => ({
  kind: m.getAttribute('data-crossread-kind'), id: m.getAttribute('data-crossread-id'),
  status: m.getAttribute('data-crossread-status'), text: m.textContent, focusable: m.tabIndex === 0,
  in: (m.closest('[id]') || { id: '' }).id }))`;
const READY = `document.documentElement.getAttribute('data-crossread-state') === 'ready'`;
const CARD = `(() => { for (const h of document.querySelectorAll('[data-crossread-ui]')) {
  const c = h.shadowRoot && h.shadowRoot.querySelector('.card'); if (c) return c.hidden ? '' : c.textContent; } return null; })()`;

/** How the marks look: computed styles of a conflict claim and a name, and the conflict icon. */
const STYLES = `(() => {
  const c = document.querySelector('mark[data-crossread-status="conflict"][data-crossread-first]');
  const n = document.querySelector('mark[data-crossread-kind="name"]');
  const cs = c && getComputedStyle(c);
  return { conflict: cs ? cs.textDecorationStyle : '', conflictBackground: cs ? cs.backgroundColor : '',
    icon: c ? getComputedStyle(c, '::before').content : '', name: n ? getComputedStyle(n).borderBottomStyle : '',
    styles: String(document.querySelectorAll('style[data-crossread-ui]').length) };
})()`;

let server: TestServer;
before(async () => {
  server = await startServer(path.join(FIXTURES, 'pages'));
});
after(() => server.close());

function url(slug: string): string {
  return `${server.origin}/${slug}/page.html`;
}

/** The checks every browser runs; `driver()` opens a fresh tab. */
function pageTests(driver: () => Promise<Driver>, setSites: (hosts: string[]) => Promise<void>) {
  test('story told in other words: names in any spelling, claims by status, furniture left out', async () => {
    const page = await driver();
    try {
      await page.goto(url('story-retold'));
      await page.waitFor(READY);
      const marks = await page.run<MarkInfo[]>(MARKS);
      const names = marks.filter((m) => m.kind === 'name');
      const claims = marks.filter((m) => m.kind === 'claim');
      const lead = names.filter((m) => m.in === 'p-lead').map((m) => m.text);
      assert.ok(lead.includes('Nawaf al-Fares'), `lead names: ${lead}`);
      assert.ok(lead.includes('Bashar al-Assad'), 'the title "President" stays outside the mark');
      assert.ok(
        names.some((m) => m.in === 'p-split' && /Tlass/.test(m.text)),
        'the variant spelling "Tlass"',
      );
      assert.deepEqual(
        marks.filter((m) => ['p-relative', 'p-traps'].includes(m.in)),
        [],
        'relatives ("Maher al-Assad", "Mustafa Tlass") and lower-case words ("fares", "rice")',
      );
      assert.deepEqual(
        claims.filter((m) => m.in === 'p-turkey'),
        [],
        'a sentence that shares words but states something else',
      );
      const rank = claims.find((m) => m.in === 'p-rank');
      assert.equal(rank?.status, 'conflict', '"first senior diplomat": one source says "second"');
      const toll = claims.find((m) => m.in === 'p-toll');
      assert.ok(toll, 'the death toll sentence is linked');
      assert.equal(toll.status, 'conflict', 'more than 15,000 vs 13,000 in another source');
      // Every mark carries the contract's attributes; the first piece of each highlight is focusable.
      for (const m of marks) {
        assert.match(m.id, /\S/);
        if (m.kind === 'claim') assert.match(m.status ?? '', /^(conflict|corroborated|single)$/);
        assert.ok(!/^'s|'s$/.test(m.text), `no possessive in ${m.text}`);
      }
      assert.ok(marks.some((m) => m.focusable));
      // Screen readers hear what each focusable mark means: aria-describedby names a hidden
      // description in the reader's language (from _locales, not a message key).
      const described = await page.run<{ kind: string; status: string | null; text: string }[]>(
        `[...document.querySelectorAll('mark[data-crossread-first]')].map((m) => ({
          kind: m.getAttribute('data-crossread-kind'), status: m.getAttribute('data-crossread-status'),
          text: (document.getElementById(m.getAttribute('aria-describedby') || '') || {}).textContent || '' }))`,
      );
      assert.ok(described.length > 0);
      for (const d of described) {
        const expected = d.kind === 'name' ? /a name the corpus knows/ : /^crossread: claim, \w/;
        assert.match(d.text, expected, JSON.stringify(d));
      }
      assert.ok(
        described.some((d) => d.status === 'conflict' && /report this differently/.test(d.text)),
        JSON.stringify(described.filter((d) => d.status === 'conflict')),
      );
      // The manifest's content-script CSS styles the marks (no <style> is added to the page):
      // status by underline style as well as tint, names subtle, ⚠ before a conflict.
      const looks = await page.run<Record<string, string>>(STYLES);
      assert.equal(looks.conflict, 'wavy', JSON.stringify(looks));
      assert.equal(looks.name, 'dotted', JSON.stringify(looks));
      assert.match(looks.icon ?? '', /\u26a0/, JSON.stringify(looks));
      assert.notEqual(looks.conflictBackground, 'rgba(0, 0, 0, 0)', 'a tint as well');
      assert.equal(looks.styles, '0', 'no style element of ours in the page');
      assert.deepEqual(
        marks.filter((m) => ['cookie-banner', 'comments'].includes(m.in)),
        [],
        'cookie banner and comments are not the article',
      );
      assert.equal(
        await page.run<number>(`document.querySelectorAll('nav mark, footer mark, header mark').length`),
        0,
      );
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('hover card: shows on focus with each source, closes on Escape', async () => {
    const page = await driver();
    try {
      await page.goto(url('story-retold'));
      await page.waitFor(READY);
      await page.run(
        `document.querySelector('#p-rank mark[data-crossread-kind="claim"][tabindex]').focus(), 0`,
      );
      await page.waitFor(`(${CARD}) && !/Loading/.test(${CARD})`);
      const card = await page.run<string>(CARD);
      assert.match(card, /senior diplomat/, card);
      // The wire story three seed sources print is one report, and the card says whose copy it is.
      assert.match(card, /5 sources, 3 reports · Reuters copy: [^·]+, [^·]+, /, card);
      await page.press('Escape');
      await page.waitFor(`(${CARD}) === ''`);
      // The death toll: each source's line says whom it attributes its figure to.
      await page.run(
        `document.querySelector('#p-toll mark[data-crossread-kind="claim"][tabindex]').focus(), 0`,
      );
      await page.waitFor(`(${CARD}) && !/Loading/.test(${CARD})`);
      const toll = await page.run<string>(CARD);
      assert.match(toll, /\(according to Al Assad’s opponents\): /, toll);
      assert.match(toll, /\(according to Opposition groups; more than 10,000 — the United Nations\): /, toll);
      await page.press('Escape');
      await page.waitFor(`(${CARD}) === ''`);
      await page.run(
        `[...document.querySelectorAll('#p-lead mark[data-crossread-kind="name"][tabindex]')].find((m) => m.textContent === 'Nawaf al-Fares').focus(), 0`,
      );
      await page.waitFor(`(${CARD}) && !/Loading/.test(${CARD})`);
      const nameCard = await page.run<string>(CARD);
      assert.match(nameCard, /Nawaf al-Fares/);
      assert.match(nameCard, /Nawaf Fares|al-Fares|Al Fares/, 'the other spellings, per source');
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('a page about something else gets no claim marks', async () => {
    const page = await driver();
    try {
      await page.goto(url('other-story'));
      await page.waitFor(READY);
      const marks = await page.run<MarkInfo[]>(MARKS);
      assert.deepEqual(
        marks.filter((m) => m.kind === 'claim'),
        [],
      );
    } finally {
      await page.close();
    }
  });

  test('an article that arrives 2 s after load is scanned when it arrives', async () => {
    const page = await driver();
    try {
      await page.goto(url('late-article'));
      await page.waitFor(READY);
      await page.waitFor(`!!document.querySelector('#late-lead mark[data-crossread-kind="name"]')`, 10000);
      await page.waitFor(READY);
      const marks = await page.run<MarkInfo[]>(MARKS);
      assert.ok(marks.some((m) => m.in === 'late-toll' && m.kind === 'claim'));
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });

  test('names inside inputs, textareas, selects, contenteditable and svg are never painted', async () => {
    const page = await driver();
    try {
      await page.goto(url('editable-names'));
      await page.waitFor(READY);
      const marks = await page.run<MarkInfo[]>(MARKS);
      assert.ok(marks.some((m) => m.in === 'p-plain' && m.text === 'Nawaf al-Fares'));
      assert.ok(
        marks.some((m) => m.in === 'f-not-editable'),
        'contenteditable="false" is ordinary text',
      );
      assert.equal(
        await page.run<number>(
          `document.querySelectorAll('input mark, textarea mark, select mark, svg mark, [contenteditable="true"] mark').length`,
        ),
        0,
      );
      assert.equal(
        await page.run<string>(`document.getElementById('f-input').value`),
        'Nawaf al-Fares and Bashar al-Assad',
      );
      assert.equal(
        await page.run<string>(`document.getElementById('f-editable').innerHTML`),
        '<p>Dear editor, Nawaf al-Fares has defected and Bashar al-Assad should worry.</p>',
      );
    } finally {
      await page.close();
    }
  });

  test('per-site switch: off unmarks live and says off; on paints again', async () => {
    const page = await driver();
    try {
      await page.goto(url('story-retold'));
      await page.waitFor(READY);
      const before = await page.run<number>(`document.querySelectorAll('mark[data-crossread-kind]').length`);
      assert.ok(before > 0);
      await setSites(['127.0.0.1']);
      await page.waitFor(`document.documentElement.getAttribute('data-crossread-state') === 'off'`);
      assert.equal(
        await page.run<number>(`document.querySelectorAll('mark, [data-crossread-ui]').length`),
        0,
      );
      await setSites([]);
      await page.waitFor(READY);
      await page.waitFor(`document.querySelectorAll('mark[data-crossread-kind]').length === ${before}`);
      assert.deepEqual(page.errors, []);
    } finally {
      await setSites([]);
      await page.close();
    }
  });
}

describe('chromium', () => {
  let session: ChromiumSession;
  before(async () => {
    session = await launchChromium();
  });
  after(() => session?.close());

  const driver = async (): Promise<Driver> => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return {
      errors,
      goto: async (u) => {
        await page.goto(u);
      },
      run: (e) => page.evaluate(e),
      waitFor: async (e, timeout = 15000) => {
        await page.waitForFunction(e, null, { timeout });
      },
      press: (k) => page.keyboard.press(k),
      close: () => page.close(),
    };
  };
  const setSites = async (hosts: string[]) => {
    await session.worker.evaluate(`chrome.storage.sync.set({ disabledSites: ${JSON.stringify(hosts)} })`);
  };
  pageTests(driver, setSites);

  test('the popup gets the page report through the content script', async () => {
    const page = await session.context.newPage();
    await page.goto(url('story-retold'));
    await page.waitForFunction(READY, null, { timeout: 15000 });
    const popup = await session.openPopup();
    const report = (await popup.evaluate(`(async () => {
      const self = await chrome.tabs.getCurrent();
      for (const t of await chrome.tabs.query({})) {
        if (t.id === self.id) continue;
        const r = await chrome.tabs.sendMessage(t.id, { crossread: 1, type: 'page/report', payload: {} }).catch(() => null);
        if (r && r.ok && r.value.url.includes('story-retold')) return r.value;
      }
      return null;
    })()`)) as {
      state: string;
      names: { id: string; count: number }[];
      claims: { ids: string[]; status: string }[];
    };
    assert.equal(report?.state, 'ready');
    assert.ok(report.names.length >= 3);
    assert.ok(report.claims.some((c) => c.status === 'conflict'));
    await popup.close();
    await page.close();
  });
  test('shortcuts jump to the next conflict; scrollTo focuses the first mark of an id', async () => {
    const page = await session.context.newPage();
    await page.goto(url('story-retold'));
    await page.waitForFunction(READY, null, { timeout: 15000 });
    await page.bringToFront();
    // The background's command handler, as the commands API calls it (not clickable headless).
    assert.equal(await session.worker.evaluate(`crossreadTest.runCommand('next-conflict')`), true);
    const focused = await page.evaluate(
      `document.activeElement.matches('mark[data-crossread-kind="claim"][data-crossread-status="conflict"]')`,
    );
    assert.equal(focused, true);
    const id = (await page.evaluate(
      `document.querySelector('#p-ties mark[data-crossread-kind="claim"]').getAttribute('data-crossread-id').split(' ')[0]`,
    )) as string;
    const popup = await session.openPopup();
    const moved = await popup.evaluate(`(async () => {
      const self = await chrome.tabs.getCurrent();
      for (const t of await chrome.tabs.query({})) {
        if (t.id === self.id) continue;
        const r = await chrome.tabs.sendMessage(t.id, { crossread: 1, type: 'page/scrollTo', payload: { id: ${JSON.stringify(id)} } }).catch(() => null);
        if (r && r.ok && r.value) return true;
      }
      return false;
    })()`);
    assert.equal(moved, true);
    assert.equal(
      await page.evaluate(
        `document.activeElement.getAttribute('data-crossread-id').split(' ').includes(${JSON.stringify(id)})`,
      ),
      true,
    );
    await popup.close();
    await page.close();
  });
});

describe('firefox', () => {
  let session: FirefoxSession;
  before(async () => {
    session = await launchFirefox();
  });
  after(() => session?.close());

  const driver = async (): Promise<Driver> => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    return {
      errors,
      goto: async (u) => {
        await page.goto(u);
      },
      run: <T>(e: string) => page.evaluate(e) as Promise<T>,
      waitFor: async (e, timeout = 15000) => {
        await page.waitForFunction(e, { timeout });
      },
      press: (k) => page.keyboard.press(k as never),
      close: () => page.close(),
    };
  };
  const setSites = async (hosts: string[]) => {
    const popup = await session.openPopup();
    try {
      // Polled with evaluate: waitForFunction builds its predicate with Function(), which the
      // extension page's CSP refuses in Firefox ESR 140.
      const deadline = Date.now() + 15000;
      while (
        !(await popup.evaluate(`typeof browser !== 'undefined' && !!browser.storage`).catch(() => false))
      ) {
        if (Date.now() > deadline) throw new Error('the popup never had browser.storage');
        await new Promise((r) => setTimeout(r, 50));
      }
      await popup.evaluate(`browser.storage.sync.set({ disabledSites: ${JSON.stringify(hosts)} })`);
    } finally {
      await popup.close();
    }
  };
  pageTests(driver, setSites);
});
