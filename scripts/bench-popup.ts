/**
 * The popup's first-paint target (issue 5.7): "first paint with data well under 100 ms after
 * opening", on the seed index, in Chromium and Firefox, measured the way the browser tests drive
 * the built extension (tests/support/chromium.ts, tests/support/firefox.ts).
 *
 * For each browser: the fixture article (tests/fixtures/pages/popup-article) in one tab, painted
 * by the real content script; then the popup opened RUNS times as `popup.html?tab=<id>` in a tab
 * of its own (the toolbar popup is not a target a driver can time). Each open reads
 * `body[data-first-paint]` (ms after navigation of the first frame with the page summary in it)
 * and `body[data-script-start]` (when popup.js began), and checks that the frame did have data:
 * the summary counts are in it.
 *
 * Beside it, in the same run, the time to the first frame of a bare extension page (`blank`: the
 * packaged popup.html shell without its script, the same stylesheet, measured the same way): what
 * the browser alone costs to open an extension tab here. The ratio first paint / bare page is
 * printed as the noise-robust figure (both move together when the machine is loaded).
 *
 * Target, and what "well under" was taken as: the median navigation → first paint with data is at
 * most 100 ms in each browser, over RUNS opens in one run, with the background already awake (the
 * page's content script woke it) — and the bench also prints the worst open, so a tail past 100 ms
 * is visible. Exits 1 when a browser's median misses 100 ms or a frame came without data.
 * Each browser also opens it RUNS times with its background asleep first (printed, "background
 * asleep"): Chromium stops an idle worker after 30 s and Firefox suspends an idle event page, so
 * that is how a reader usually opens it. Chromium's worker is stopped over CDP; Firefox, in a
 * session of its own, suspends it after 1 s idle. `answer` is when the background's reply came.
 *
 * Run: `npx tsx scripts/bench-popup.ts` (npm run bench runs it) after `npm run build`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, stopServiceWorkers } from '../tests/support/chromium.ts';
import { findPageTab, launchFirefox, setViewport } from '../tests/support/firefox.ts';
import { startServer } from '../tests/support/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 9);
const TARGET_MS = 100;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
/** "session 8, kept 1": where the opens' first paints took the page from. */
const sources = (opens: Open[]) =>
  [...new Set(opens.map((o) => o.from))]
    .map((f) => `${f} ${opens.filter((o) => o.from === f).length}`)
    .join(', ');

interface Open {
  paint: number;
  start: number;
  hasData: boolean;
  /** Where the first paint's page came from (body[data-page-from]): session, kept or asked. */
  from: string;
  marks: Record<string, number>;
}

/** What both drivers' pages offer and this bench uses. */
interface AnyPage {
  // biome-ignore lint/suspicious/noExplicitAny: both drivers type evaluate generically
  evaluate<R>(fn: (arg: any) => R | Promise<R>, arg?: unknown): Promise<R>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  close(): Promise<void>;
}

/** Reads the popup's own first-paint record once it is ready. */
async function readOpen(page: AnyPage): Promise<Open> {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return page.evaluate(() => {
    const marks: Record<string, number> = {};
    // The first of each (a later render marks `built` again).
    for (const m of performance.getEntriesByType('mark'))
      marks[m.name.replace('crossread:', '')] ??= m.startTime;
    return {
      paint: Number(document.body.dataset.firstPaint),
      start: Number(document.body.dataset.scriptStart),
      hasData: document.body.dataset.firstView === 'summary',
      from: document.body.dataset.pageFrom ?? '',
      marks,
    };
  });
}

/**
 * After a first paint from storage.session, the background's answer follows: waits for it and
 * records when it came (`answer`, ms after navigation), so a background that had to start first
 * shows as a late answer.
 */
async function readAnswer(page: AnyPage, open: Open): Promise<void> {
  if (open.from !== 'session') return;
  await page.waitForSelector('body[data-confirmed="1"]', { timeout: 15000 }).catch(() => null);
  open.marks.answer = await page.evaluate(
    () => performance.getEntriesByName('crossread:answer')[0]?.startTime ?? Number.NaN,
  );
}

/** One popup open: its first paint, then the background's answer; the popup is closed after. */
async function measureOpen(popup: unknown): Promise<Open> {
  const page = popup as AnyPage;
  const open = await readOpen(page);
  await readAnswer(page, open);
  await page.close();
  return open;
}

/** The bare page: the shell's first frame, stamped by an inline-free script of its own. */
async function readBlank(page: AnyPage): Promise<number> {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return page.evaluate(() => Number(document.body.dataset.firstPaint));
}

interface Result {
  browser: string;
  opens: Open[];
  blank: number[];
  /** Opens with the background asleep first (Chromium: worker stopped; Firefox: event page suspended). */
  asleep?: Open[];
}

/** A copy of the built extension with the bare page added (the shipped build stays untouched). */
async function withBlankPage(dist: string, work: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(dist, dir, { recursive: true });
  const html = await readFile(path.join(dir, 'popup.html'), 'utf8');
  await writeFile(path.join(dir, 'bench-blank.html'), html.replace('popup.js', 'bench-blank.js'));
  // The same stamp popup.ts writes, at the first frame of an otherwise empty page.
  await writeFile(
    path.join(dir, 'bench-blank.js'),
    `requestAnimationFrame(()=>{document.body.dataset.firstPaint=performance.now().toFixed(1);document.body.dataset.ready='1'});`,
  );
  return dir;
}

async function benchChromium(origin: string, dir: string): Promise<Result> {
  const session = await launchChromium(dir);
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${origin}/popup-article/page.html`);
    await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
    const tabId = await session.worker.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }
          ).chrome.tabs.query({ active: true })
        )[0]?.id,
    );
    const opens: Open[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const b = await session.context.newPage();
      await b.setViewportSize({ width: 400, height: 600 });
      await b.goto(`chrome-extension://${session.extensionId}/bench-blank.html`);
      blank.push(await readBlank(b as unknown as AnyPage));
      await b.close();
      opens.push(await measureOpen(await session.openPopup(`?tab=${tabId}`)));
    }
    // Chromium stops an idle extension worker after 30 s: a reader who has read for a while
    // opens the popup with the worker asleep. Stopped here before each open (CDP).
    const asleep: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      const stopped = await stopServiceWorkers(session.context, page);
      if (!stopped.length || stopped.some((s) => s !== 'stopped'))
        throw new Error(`worker not stopped: ${stopped}`);
      asleep.push(await measureOpen(await session.openPopup(`?tab=${tabId}`)));
    }
    return { browser: 'chromium', opens, blank, asleep };
  } finally {
    await session.close();
  }
}

/** Opens the fixture article, painted by the real content script, and returns its tab id. */
async function firefoxArticleTab(
  session: Awaited<ReturnType<typeof launchFirefox>>,
  origin: string,
): Promise<number> {
  const page = await session.browser.newPage();
  await setViewport(page, 1000, 700);
  const url = `${origin}/popup-article/page.html`;
  await page.goto(url);
  await page.waitForSelector('html[data-crossread-state="ready"]', { timeout: 15000 });
  // The page's tab id, asked from an extension page (no "tabs" permission: URLs are hidden).
  const helper = await session.openPopup('?tab=none');
  await helper.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const tabId = await findPageTab(helper, url);
  if (typeof tabId !== 'number') throw new Error('firefox: the page tab was not found');
  await helper.close();
  return tabId;
}

/**
 * Firefox suspends an idle event page after 30 s (`extensions.background.idle.timeout`): here
 * after 1 s, in a session of its own, with 2.5 s of quiet before each open. The popup's
 * `crossread:answer` mark (the background's reply) shows whether it had to start again.
 */
async function benchFirefoxAsleep(origin: string, dir: string): Promise<Open[]> {
  const session = await launchFirefox(dir, { prefs: { 'extensions.background.idle.timeout': 1000 } });
  try {
    const tabId = await firefoxArticleTab(session, origin);
    const opens: Open[] = [];
    for (let i = 0; i < RUNS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      opens.push(await measureOpen(await session.openPopup(`?tab=${tabId}`)));
    }
    return opens;
  } finally {
    await session.close();
  }
}

async function benchFirefox(origin: string, dir: string): Promise<Result> {
  const session = await launchFirefox(dir);
  try {
    const tabId = await firefoxArticleTab(session, origin);
    const opens: Open[] = [];
    const blank: number[] = [];
    const bidi = session.browser as unknown as {
      connection: { send(method: string, params: unknown): Promise<unknown> };
    };
    for (let i = 0; i < RUNS; i++) {
      const b = await session.browser.newPage();
      await setViewport(b, 400, 600);
      await bidi.connection.send('browsingContext.navigate', {
        context: (b.mainFrame() as unknown as { _id: string })._id,
        url: `moz-extension://${session.uuid}/bench-blank.html`,
        wait: 'none',
      });
      blank.push(await readBlank(b as unknown as AnyPage));
      await b.close();
      opens.push(await measureOpen(await session.openPopup(`?tab=${tabId}`)));
    }
    return { browser: 'firefox', opens, blank };
  } finally {
    await session.close();
  }
}

function report(r: Result): boolean {
  const paints = r.opens.map((o) => o.paint);
  const work = r.opens.map((o) => o.paint - o.start);
  const paint = median(paints);
  const blank = median(r.blank);
  const allData = r.opens.every((o) => o.hasData);
  const ok = paint <= TARGET_MS && allData;
  console.log(
    `  ${r.browser.padEnd(9)} first paint with data ${fmt(paint).padStart(4)} ms after navigation ` +
      `(median of ${r.opens.length}, worst ${fmt(Math.max(...paints))}), script start → paint ${fmt(median(work))} ms, ` +
      `bare extension page ${fmt(blank)} ms, ratio ×${fmt(paint / blank, 2)}, page from ${sources(r.opens)}  ${ok ? '✓' : '✗'}`,
  );
  if (!allData) console.log(`  ${r.browser}: ✗ a first frame came without the page summary`);
  const names = [...new Set(r.opens.flatMap((o) => Object.keys(o.marks)))];
  console.log(
    `    marks (median ms after navigation): script ${fmt(median(r.opens.map((o) => o.start)))}, ${names
      .map((n) => `${n} ${fmt(median(r.opens.map((o) => o.marks[n] ?? Number.NaN)))}`)
      .join(', ')}`,
  );
  if (r.asleep) {
    const p = r.asleep.map((o) => o.paint);
    console.log(
      `    background asleep: first paint with data ${fmt(median(p))} ms (median of ${p.length}, worst ${fmt(Math.max(...p))}), ` +
        `script start → paint ${fmt(median(r.asleep.map((o) => o.paint - o.start)))} ms, ratio ×${fmt(median(p) / blank, 2)}, page from ${sources(r.asleep)}` +
        `${r.asleep.every((o) => o.hasData) ? '' : '  ✗ a first frame came without the page summary'}`,
    );
    const asleep = r.asleep;
    const marks = [...new Set(asleep.flatMap((o) => Object.keys(o.marks)))];
    console.log(
      `      marks: script ${fmt(median(asleep.map((o) => o.start)))}, ${marks
        .map((n) => `${n} ${fmt(median(asleep.map((o) => o.marks[n] ?? Number.NaN)))}`)
        .join(', ')}`,
    );
  }
  return ok;
}

const work = await mkdtemp(path.join(tmpdir(), 'crossread-bench-popup-'));
const server = await startServer(path.join(root, 'tests/fixtures/pages'));
let pass = true;
try {
  const chrome = await withBlankPage(path.join(root, 'dist/chrome'), work, 'chrome');
  const firefox = await withBlankPage(path.join(root, 'dist/firefox'), work, 'firefox');
  console.log(`popup first paint, seed index, target median ≤ ${TARGET_MS} ms after navigation`);
  pass = report(await benchChromium(server.origin, chrome)) && pass;
  const fx = await benchFirefox(server.origin, firefox);
  fx.asleep = await benchFirefoxAsleep(server.origin, firefox);
  pass = report(fx) && pass;
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
if (!pass) {
  console.error('bench-popup: target missed');
  process.exit(1);
}
