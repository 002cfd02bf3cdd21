/**
 * The content script entry. Runs at document_idle on http(s) pages.
 *
 *   guard ── <html data-crossread> + a live-instance ping (a saved page's stale attribute is not a live instance)
 *     │
 *   content/setup ──▶ background: site enabled? index loaded? the screen-reader descriptions
 *     │  off → html[data-crossread-state=off], wait for storage.onChanged
 *     ▼
 *   CrossreadApp (app.ts)
 *     ├─ dom/article-root     <article>/<main>/score → root, or null (not an article: state ready, nothing else)
 *     ├─ passes/highlight     SegmentWalker slices → content/match (core matchText in the background)
 *     │                        → paintBlock (mark.js, per smallest element)
 *     ├─ dom/scheduler        slices: reading 8 ms, painting 20 ms or 50 blocks; queue empty → ready
 *     ├─ dom/mutation-watcher one debounced observer: added nodes → new scans; own marks ignored
 *     └─ passes/hover-card    shadow-root card ◀── content/card (background builds it from the index)
 *     ▲
 *   messages: page/report, page/scrollTo (popup), page/jump (shortcuts)
 *   teardown: site switched off, or "Extension context invalidated" → unmark, disconnect, silent
 */
import { articleText, pageHead } from '../article/read-article.ts';
import type { ContentToBackground, PageReport, PageSetup } from '../messaging/content-protocol.ts';
import { CrossreadApp } from './app.ts';
import { removeStaleUi } from './dom/page-ui.ts';
import { alive, listen, onStorageChanged, send as sendRaw } from './dom/runtime.ts';

const PING = 'crossread:ping';
const html = document.documentElement;

/** A live crossread instance in this page answers the ping by cancelling it. */
function anotherInstanceRuns(): boolean {
  if (!html.hasAttribute('data-crossread')) return false;
  const ping = new CustomEvent(PING, { cancelable: true });
  return !document.dispatchEvent(ping);
}

let app: CrossreadApp | null = null;
let controller: AbortController | null = null;

function stopApp(): void {
  controller?.abort();
  controller = null;
  app = null;
}

/** The extension went away under us: leave the page as it was, without a single error. */
function orphaned(): void {
  stopApp();
  html.removeAttribute('data-crossread');
  html.removeAttribute('data-crossread-state');
  document.removeEventListener(PING, answerPing);
  for (const type of RETURN_EVENTS) window.removeEventListener(type, checkAlive, true);
}

/**
 * A reader reloads or removes the extension in another tab (chrome://extensions, about:addons)
 * and comes back: the old script notices on return, not only at its next message, so the page
 * is left clean even if nothing is hovered. Checking costs one property read.
 */
const RETURN_EVENTS = ['visibilitychange', 'focus', 'pageshow'] as const;

function checkAlive(): void {
  if (!alive()) orphaned();
}

function answerPing(event: Event): void {
  if (!alive()) {
    orphaned();
    return;
  }
  event.preventDefault();
}

function send<K extends keyof ContentToBackground & string>(
  type: K,
  payload: ContentToBackground[K]['request'],
) {
  if (!alive()) {
    orphaned();
    return Promise.resolve({ ok: false as const, error: 'extension context invalidated' });
  }
  return sendRaw<ContentToBackground, K>(type, payload).then((reply) => {
    if (!reply.ok && /context invalidated|receiving end does not exist/i.test(reply.error) && !alive())
      orphaned();
    return reply;
  });
}

/** Bench builds: the last setup, for re-runs on request (benchReruns). */
let lastSetup: PageSetup | null = null;

function runWith(setup: PageSetup): void {
  stopApp();
  if (__BENCH__) lastSetup = setup;
  if (!setup.enabled) {
    html.setAttribute('data-crossread-state', 'off');
    return;
  }
  if (!setup.indexed) {
    // No index (its error is logged once in the background): nothing to paint.
    html.setAttribute('data-crossread-state', 'ready');
    return;
  }
  controller = new AbortController();
  app = new CrossreadApp(document, {
    signal: controller.signal,
    descriptions: setup.descriptions,
    minimap: setup.minimap,
    inView: (ids) => void send('content/inView', { ids }),
    match: async (segments) => {
      const reply = await send('content/match', { segments });
      return reply.ok ? reply.value : null;
    },
    cards: {
      card: async (kind, ids) => {
        const reply = await send('content/card', { kind, ids });
        return reply.ok ? reply.value : null;
      },
      open: (kind, id) => void send('content/open', { kind, id }),
    },
  });
  if (__BENCH__) reportBench(app, controller.signal);
  app.start();
}

async function setupAndRun(): Promise<void> {
  html.setAttribute('data-crossread-state', 'scanning');
  const setup = await send('content/setup', { host: location.hostname });
  if (!alive()) return;
  if (!setup.ok) {
    html.setAttribute('data-crossread-state', 'ready');
    return;
  }
  runWith(setup.value);
}

/** Bench builds only: crossread's own timings, written on <html> when the page is ready. */
function reportBench(instance: CrossreadApp, signal: AbortSignal): void {
  const observer = new MutationObserver(() => {
    if (html.getAttribute('data-crossread-state') !== 'ready' || instance.scheduler.busy) return;
    const t = instance.highlighter.timings;
    html.setAttribute(
      'data-crossread-bench',
      JSON.stringify({
        ...t,
        lastSent: t.lastSent - instance.started,
        lastAnswer: t.lastAnswer - instance.started,
        total: t.setup + t.extract + t.paint + t.announce,
        slices: instance.scheduler.total,
        longest: instance.scheduler.longest,
        ready: instance.firstReady,
        marks: document.querySelectorAll('mark[data-crossread-kind]').length,
      }),
    );
  });
  observer.observe(html, { attributes: true, attributeFilter: ['data-crossread-state'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Bench builds only: the page asks for another full run (`crossread:bench-rerun` posted on the
 * window), so the bench can time crossread warm, the way it times the TreeWalker lower bound.
 */
function benchReruns(): void {
  addEventListener('message', (e) => {
    if (e.source !== window || e.data !== 'crossread:bench-rerun' || !lastSetup) return;
    html.removeAttribute('data-crossread-bench');
    runWith(lastSetup);
  });
}

/** What the page shows, for the popup. */
function currentReport(): PageReport {
  return (
    app?.report(location.href) ?? {
      state: html.getAttribute('data-crossread-state') === 'off' ? 'off' : 'ready',
      url: location.href,
      names: [],
      claims: [],
    }
  );
}

/**
 * Tells open popups when the page's state changes (the background relays it as
 * `popup/pageChanged`), so a popup follows a rescan or the site switch without polling.
 */
function announceState(): void {
  let last: string | null = null;
  new MutationObserver(() => {
    const state = html.getAttribute('data-crossread-state');
    if (state === last || (state !== 'scanning' && state !== 'ready' && state !== 'off')) return;
    last = state;
    // A settled page sends its report too: the background keeps it, and a popup opened later
    // paints from it without asking the page (one message hop less).
    const t = performance.now();
    if (alive())
      void send('content/state', state === 'scanning' ? { state } : { state, report: currentReport() });
    if (__BENCH__ && app) app.highlighter.timings.announce += performance.now() - t;
  }).observe(html, { attributes: true, attributeFilter: ['data-crossread-state'] });
}

function start(): void {
  if (anotherInstanceRuns()) return;
  // A saved copy of a page may carry crossread's attributes and UI from the session that saved it.
  removeStaleUi(document);
  html.setAttribute('data-crossread', '');
  document.addEventListener(PING, answerPing);
  for (const type of RETURN_EVENTS)
    window.addEventListener(type, checkAlive, { capture: true, passive: true });

  listen({
    'page/report': currentReport,
    'page/scrollTo': (payload) => {
      const id = (payload as { id?: unknown })?.id;
      return typeof id === 'string' && id.length < 200 ? (app?.scrollTo(id) ?? false) : false;
    },
    // The reader asked to add this page: its article as the page gives it (read, never changed).
    'page/article': () => {
      const text = articleText(document);
      return text ? { text, head: pageHead(document), pageUrl: location.href } : null;
    },
    'page/follow': () => app?.follow() ?? false,
    'page/jump': (payload) => {
      const d = (payload as { direction?: unknown })?.direction;
      return d === 1 || d === -1 ? (app?.jump(d) ?? false) : false;
    },
  });

  // The per-site switch, live: the popup writes storage.sync, every tab of that site follows.
  onStorageChanged((changes, area) => {
    if (area !== 'sync' || !changes.disabledSites || !alive()) return;
    const list = changes.disabledSites.newValue;
    const off = Array.isArray(list) && list.includes(location.hostname);
    if (off && app) {
      stopApp();
      html.setAttribute('data-crossread-state', 'off');
    } else if (!off && !app) void setupAndRun();
  });

  announceState();
  if (__BENCH__) benchReruns();
  void setupAndRun().catch((error) => {
    if (alive()) console.error('crossread:', error);
    else orphaned();
  });
}

start();
