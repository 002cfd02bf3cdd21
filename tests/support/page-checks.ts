/**
 * Checks that crossread never breaks the page it runs on (issue 6), shared by the real-page run
 * (tests/pages), its fast sample (tests/e2e/robust-*) and the hostile / dynamic / teardown tests.
 *
 * The in-page parts are plain JavaScript strings, not functions: they are evaluated as expressions
 * in Chromium (playwright-core) and Firefox (puppeteer-core) alike, and no transpiler helper can
 * leak into them.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, type ChromiumSession, launchChromium, requireBrowser } from './chromium.ts';
import { FIXTURES, ROOT } from './paths.ts';
import { startServer, type TestServer } from './server.ts';

/** Where the page contract (../shared/DESIGN.md) forbids a highlight. `head` is added: nothing there is read. */
export const FORBIDDEN_SELECTOR =
  'input, textarea, select, script, style, noscript, svg, head, [data-crossread-ui], [contenteditable]:not([contenteditable="false"])';

/** A highlight, as the contract defines it. */
export const MARK_SELECTOR = 'mark[data-crossread-kind]';

/** States that end a pass: painted (or nothing to paint), or switched off / skipped for the site. */
export const SETTLED_STATES = ['ready', 'off', 'not-article'];

/** What {@link INSPECT} returns about the page. */
export interface PageInspection {
  state: string | null;
  /** Marks in the document and in open shadow roots. */
  marks: number;
  names: number;
  claims: number;
  /** One line per mark in a forbidden place: `<mark text> in <ancestor>`. */
  forbidden: string[];
  /** Marks without the attributes the contract requires. */
  malformed: string[];
  /** body.innerHTML with every crossread mark unwrapped and crossread's UI roots removed. */
  html: string;
  /** The same body's textContent. */
  text: string;
}

/**
 * In-page expression: inspects the current document. Marks are unwrapped on a clone, so the live
 * page is left as it is.
 */
export const INSPECT = `(() => {
  const FORBIDDEN = ${JSON.stringify(FORBIDDEN_SELECTOR)};
  const MARK = ${JSON.stringify(MARK_SELECTOR)};
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const marks = [];
  for (const root of roots) marks.push(...root.querySelectorAll(MARK));
  const describe = (el) => {
    if (!el) return '?';
    const id = el.id ? '#' + el.id : '';
    return el.localName + id;
  };
  const forbidden = [];
  const malformed = [];
  for (const m of marks) {
    const text = JSON.stringify((m.textContent || '').slice(0, 40));
    const bad = m.parentElement && m.parentElement.closest(FORBIDDEN);
    const root = m.getRootNode();
    const uiHost = root instanceof ShadowRoot && root.host.closest('[data-crossread-ui]');
    if (bad) forbidden.push(text + ' in ' + describe(bad));
    else if (uiHost) forbidden.push(text + ' in the shadow root of ' + describe(uiHost));
    else if (m.isContentEditable) forbidden.push(text + ' in editable content');
    const kind = m.getAttribute('data-crossread-kind');
    if (kind !== 'name' && kind !== 'claim') malformed.push(text + ': kind ' + kind);
    else if (!(m.getAttribute('data-crossread-id') || '').trim()) malformed.push(text + ': no id');
    else if (kind === 'claim' && !['conflict', 'corroborated', 'single'].includes(m.getAttribute('data-crossread-status')))
      malformed.push(text + ': status ' + m.getAttribute('data-crossread-status'));
  }
  const body = document.body ? document.body.cloneNode(true) : document.createElement('body');
  for (const ui of body.querySelectorAll('[data-crossread-ui]')) ui.remove();
  for (const m of body.querySelectorAll(MARK)) m.replaceWith(...m.childNodes);
  body.normalize();
  return {
    state: document.documentElement.getAttribute('data-crossread-state'),
    marks: marks.length,
    names: marks.filter((m) => m.getAttribute('data-crossread-kind') === 'name').length,
    claims: marks.filter((m) => m.getAttribute('data-crossread-kind') === 'claim').length,
    forbidden,
    malformed,
    html: body.innerHTML,
    text: body.textContent,
  };
})()`;

/** In-page expression: true once the crossread state is one of {@link SETTLED_STATES}. */
export const SETTLED = `${JSON.stringify(SETTLED_STATES)}.includes(document.documentElement.getAttribute('data-crossread-state'))`;

/** The first place two strings differ, with a little context, for a readable failure. */
export function firstDifference(a: string, b: string, context = 60): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  return `at ${i} (lengths ${a.length} / ${b.length}):\n  without: ${JSON.stringify(a.slice(from, i + context))}\n  with:    ${JSON.stringify(b.slice(from, i + context))}`;
}

/** Result of loading one page with and without the extension. */
export interface PageRun {
  page: string;
  /** Milliseconds from navigation to a settled crossread state (null if it never settled). */
  settleMs: number | null;
  inspection: PageInspection | null;
  /** Uncaught page errors seen only with the extension. */
  newErrors: string[];
  /** Console errors logged by the extension's content script (location in chrome-extension://). */
  extensionConsole: string[];
  /** Problems found; empty when the page passed. */
  problems: string[];
  /** True when the page itself renders differently on two loads without the extension. */
  unstable: boolean;
  /** The value of the page's `probe` hook with and without the extension. */
  probe?: unknown;
  plainProbe?: unknown;
}

/** Blocks every request that would leave the test server, at once, so no page waits for a timeout. */
async function keepLocal(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (url) => url.protocol.startsWith('http') && url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
}

/** Page-specific expressions: `prepare` runs before the inspection, `probe` after it (its value is returned). */
export interface PageHooks {
  prepare?: string;
  probe?: string;
}

interface Loaded {
  probe?: unknown;
  errors: string[];
  extensionConsole: string[];
  settleMs: number | null;
  /** Milliseconds from navigation to the inspection. */
  inspectedAtMs: number;
  inspection: PageInspection;
}

/** Readings of one page, at most, before a steady reading gives up waiting for it to stop changing. */
const STEADY_READINGS = 5;
const STEADY_GAP_MS = 600;

async function load(
  context: BrowserContext,
  url: string,
  extensionId: string | null,
  settleTimeout = 15000,
  hooks: PageHooks = {},
  holdMs = 0,
  steady = false,
): Promise<Loaded> {
  const withExtension = extensionId !== null;
  const page: Page = await context.newPage();
  const errors: string[] = [];
  const extensionConsole: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error.message).slice(0, 300)));
  page.on('console', (message) => {
    // Only the content script's own errors: a saved page may itself ask for other extensions' files.
    const from = message.location().url ?? '';
    if (
      message.type() === 'error' &&
      (from.startsWith(`chrome-extension://${extensionId}/`) || /^crossread\b/.test(message.text())) &&
      !message.text().startsWith('Failed to load resource')
    )
      extensionConsole.push(message.text().slice(0, 300));
  });
  try {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: settleTimeout });
    let settleMs: number | null = null;
    if (withExtension) {
      // Polled from Node through Playwright's own world: a page that sabotages its globals
      // (timers, JSON, Array.prototype) cannot stall the poll the way a main-world waitForFunction stalls.
      const deadline = started + settleTimeout;
      while (performance.now() < deadline) {
        const state = await page
          .locator('html')
          .getAttribute('data-crossread-state', { timeout: 1000 })
          .catch(() => null);
        if (state && SETTLED_STATES.includes(state)) {
          settleMs = Math.round(performance.now() - started);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    }
    await page.waitForLoadState('load', { timeout: 5000 }).catch(() => {});
    const wait = started + holdMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const inspectedAtMs = Math.round(performance.now() - started);
    if (hooks.prepare) await page.evaluate(hooks.prepare);
    let inspection = (await page.evaluate(INSPECT)) as PageInspection;
    // A steady reading waits out what a page shows only for a moment (aktualne.html's ad-block
    // probe adds a teaser and removes it 300 ms later): two equal readings a while apart.
    for (let i = 0; steady && i < STEADY_READINGS; i++) {
      await new Promise((resolve) => setTimeout(resolve, STEADY_GAP_MS));
      const again = (await page.evaluate(INSPECT)) as PageInspection;
      if (again.html === inspection.html) break;
      inspection = again;
    }
    const probe = hooks.probe ? await page.evaluate(hooks.probe) : undefined;
    return { errors, extensionConsole, settleMs, inspectedAtMs, inspection, probe };
  } finally {
    await page.close();
  }
}

/** Plain loads tried, after the first, when the page with crossread differs from it. */
const EXTRA_PLAIN_LOADS = 4;

/** One browser without the extension and one with it, each a single context reused for every page. */
export interface PageChecker {
  session: ChromiumSession;
  check(origin: string, file: string, hooks?: PageHooks): Promise<PageRun>;
  close(): Promise<void>;
}

/** `settleTimeout` is the contract's 15 s; only the checker's own self-test shortens it. */
export async function startPageChecker(
  origin: string,
  extensionDir?: string,
  settleTimeout = 15000,
): Promise<PageChecker> {
  requireBrowser(CHROMIUM, 'chromium');
  const plain: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const plainContext = await plain.newContext();
  const session = await launchChromium(extensionDir);
  await keepLocal(plainContext, origin);
  await keepLocal(session.context, origin);
  return {
    session,
    async check(base, file, hooks = {}) {
      const url = `${base}/${encodeURIComponent(file)}`;
      const problems: string[] = [];
      // The two loads run side by side (two browsers, two cores): about half the wall time.
      const [without, withExt] = await Promise.all([
        load(plainContext, url, null, settleTimeout, hooks),
        load(session.context, url, session.extensionId, settleTimeout, hooks),
      ]);
      const inspection = withExt.inspection;
      if (withExt.settleMs === null)
        problems.push(
          `state never settled in ${settleTimeout / 1000} s (last: ${inspection.state ?? 'none'})`,
        );
      const seen = new Set(without.errors);
      const newErrors = withExt.errors.filter((e) => !seen.has(e));
      if (newErrors.length) problems.push(`new uncaught errors: ${newErrors.join(' | ')}`);
      if (withExt.extensionConsole.length)
        problems.push(`content-script console errors: ${withExt.extensionConsole.join(' | ')}`);
      if (inspection.forbidden.length)
        problems.push(`marks in forbidden places: ${inspection.forbidden.join('; ')}`);
      if (inspection.malformed.length) problems.push(`malformed marks: ${inspection.malformed.join('; ')}`);
      let unstable = false;
      const diff = firstDifference(without.inspection.html, inspection.html);
      if (diff) {
        // Some pages render differently from load to load on their own (aktualne.html injects an
        // ad teaser on some loads, whatever Math.random returns, some time after load). The rule:
        // what crossread leaves once unwrapped must be one of the page's own renderings. A few
        // more plain loads collect them, each inspected no sooner after navigation than the load
        // with crossread was (which waits for its settled state, so its page scripts ran longer);
        // a change crossread makes matches none of them.
        const plainHtml = [without.inspection.html];
        const plainText = [without.inspection.text];
        const seenHtml = (html: string) => plainHtml.includes(html);
        for (let i = 0; i < EXTRA_PLAIN_LOADS && !seenHtml(inspection.html); i++) {
          const again = await load(
            plainContext,
            url,
            null,
            settleTimeout,
            hooks,
            withExt.inspectedAtMs,
            true,
          );
          plainHtml.push(again.inspection.html);
          plainText.push(again.inspection.text);
        }
        let matched = seenHtml(inspection.html);
        if (!matched) {
          // The variant may have come up with the extension only by chance, or only for a moment:
          // one more load with it, read steadily.
          const retry = await load(session.context, url, session.extensionId, settleTimeout, hooks, 0, true);
          matched = seenHtml(retry.inspection.html);
        }
        unstable = new Set(plainHtml).size > 1;
        // A page whose markup differs on every plain load cannot be compared by markup; its text
        // can, when that at least stays the same.
        const everyLoadDiffers = new Set(plainHtml).size === plainHtml.length;
        if (!matched && !everyLoadDiffers) problems.push(`page changed once marks are unwrapped ${diff}`);
        if (!matched && everyLoadDiffers && new Set(plainText).size === 1) {
          const textDiff = firstDifference(without.inspection.text, inspection.text);
          if (textDiff) problems.push(`page text changed once marks are unwrapped ${textDiff}`);
        }
      }
      return {
        page: file,
        settleMs: withExt.settleMs,
        inspection,
        newErrors,
        extensionConsole: withExt.extensionConsole,
        problems,
        unstable,
        probe: withExt.probe,
        plainProbe: without.probe,
      };
    },
    async close() {
      await session.close();
      await plain.close();
    },
  };
}

/** A build of the current sources in a temporary copy of the repository (never touching dist/). */
export interface IsolatedBuild {
  /** The copy's root; its dist/chrome and dist/firefox are the built extension. */
  root: string;
  chrome: string;
  firefox: string;
  /** The build's stdout and stderr. */
  log: string;
  remove(): Promise<void>;
}

/**
 * Builds the extension from a copy of scripts/, src/, manifest.json and icons/ (node_modules is
 * linked), so a test can build from another seeds folder, or before `npm run build` has run,
 * without racing the shared dist/. Rejects with the build's output when the build fails.
 */
export async function buildIsolated(options: { seeds?: string } = {}): Promise<IsolatedBuild> {
  const root = await mkdtemp(path.join(tmpdir(), 'crossread-build-'));
  for (const item of ['scripts', 'src', 'icons', 'manifest.json', 'package.json', 'tsconfig.json', 'seeds']) {
    await cp(path.join(ROOT, item), path.join(root, item), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const args = ['--import', 'tsx', path.join(root, 'scripts/build.ts')];
  if (options.seeds) args.push('--seeds', path.resolve(options.seeds));
  const remove = () => rm(root, { recursive: true, force: true });
  const log = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, timeout: 120000 }, (error, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (error) reject(Object.assign(new Error(`build failed:\n${out}`), { log: out }));
      else resolve(out);
    });
  }).catch(async (error) => {
    await remove();
    throw error;
  });
  return {
    root,
    chrome: path.join(root, 'dist/chrome'),
    firefox: path.join(root, 'dist/firefox'),
    log,
    remove,
  };
}

/**
 * Records the background's console.error calls in `globalThis.crossreadErrors`: prepended to a
 * test copy's background.js, because the index is loaded (and a bad one reported) before a test
 * can attach to the worker's console.
 */
export const RECORD_ERRORS = `globalThis.crossreadErrors = [];
{ const original = console.error.bind(console);
  console.error = (...args) => { globalThis.crossreadErrors.push(args.map(String).join(' ')); original(...args); }; }
`;

/** Copies a built extension folder to a temporary one; `change` edits the copy. */
export async function copyExtension(
  from: string,
  change: (dir: string) => Promise<void> = async () => {},
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crossread-ext-'));
  await cp(from, dir, { recursive: true });
  await change(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Where the hostile page fixtures live; each is served with the corpus's name filled in. */
export const HOSTILE_PAGES = path.join(FIXTURES, 'hostile');

/** The hostile pages on a local server (and a second, cross-origin one for the frame page). */
export interface HostileSite {
  server: TestServer;
  crossOrigin: TestServer;
  /** The name filled in: the index's most mentioned person with a full name. */
  name: string;
  close(): Promise<void>;
}

/**
 * Neutral prose (no corpus name) so each short fixture reads as an article: the content script
 * skips pages with less than a few hundred characters of paragraphs.
 */
const FILLER = [
  'The committee met for most of the afternoon and agreed to publish its findings before the end of the month.',
  'Members said the report would cover the budget, the timetable and the questions raised at the last meeting.',
  'A spokesperson declined to give further details, saying only that the work was going as planned this week.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

/** The page with the corpus's name put in (and its invisible-character variants). */
function fill(html: string, name: string, crossOrigin: TestServer): string {
  const [first, ...rest] = name.split(' ');
  const mid = Math.max(1, Math.floor((first ?? '').length / 2));
  const split = (c: string) =>
    [`${(first ?? '').slice(0, mid)}${c}${(first ?? '').slice(mid)}`, ...rest].join(' ');
  const attr = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html
    .replace('</h1>', `</h1>${FILLER}`)
    .replaceAll('{{NAME_SHY}}', attr(split('\u00ad')))
    .replaceAll('{{NAME_ZWJ}}', attr(split('\u200d')))
    .replaceAll('{{NAME_ZWSP}}', attr(split('\u200b')))
    .replaceAll('{{NAME_NFD}}', attr(name.normalize('NFD')))
    .replaceAll('{{NAME}}', attr(name))
    .replaceAll('{{CROSS_ORIGIN}}', crossOrigin.origin);
}

/**
 * Serves tests/fixtures/hostile/*.html plus two generated pages (a single 1 MB text node,
 * 50,000 tiny elements), with a name from `indexFile` filled in.
 */
export async function serveHostilePages(indexFile: string): Promise<HostileSite> {
  let name = 'Alexandra Example';
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
    entities: { name: string; mentions: number; type: string }[];
  };
  const people = index.entities.filter((e) => e.type === 'person' && e.name.includes(' '));
  const top = [...(people.length ? people : index.entities)].sort((a, b) => b.mentions - a.mentions)[0];
  if (top) name = top.name;
  const server = await startServer();
  const crossOrigin = await startServer();
  for (const file of (await readdir(HOSTILE_PAGES)).filter((f) => f.endsWith('.html'))) {
    const html = fill(await readFile(path.join(HOSTILE_PAGES, file), 'utf8'), name, crossOrigin);
    server.route(`/${file}`, html);
    crossOrigin.route(`/${file}`, html);
  }
  // A single 1 MB text node, and 50,000 tiny text nodes, with the name among them.
  server.route(
    '/huge-text-node.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>1 MB</title></head><body><main><article><h1>One text node</h1><p>${`${name} said the talks had ended. `.repeat(Math.ceil(1_000_000 / (name.length + 28)))}</p></article></main></body></html>`,
  );
  server.route(
    '/many-nodes.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>50k nodes</title></head><body><main><article><h1>Many nodes</h1><p id="p"></p><script>
      const p = document.getElementById('p');
      for (let i = 0; i < 50000; i++) {
        const b = document.createElement(i % 2 ? 'b' : 'span');
        b.textContent = (i % 997 === 0 ? ${JSON.stringify(name)} : 'w' + (i % 10)) + ' ';
        p.appendChild(b);
      }
      window.pageWorks = () => p.childNodes.length === 50000;
    </script></article></main></body></html>`,
  );
  return {
    server,
    crossOrigin,
    name,
    close: async () => {
      await server.close();
      await crossOrigin.close();
    },
  };
}
