/**
 * The popup: how every source reports the facts on this page, and corpus lookups.
 *
 *   URL ?tab=<id>  the page's tab (tests; else the active tab)
 *       ?q=<text>  open the lookup with this query (context menu in a tab)
 *       ?fact=<id> | ?name=<id>  open that card (the hover card's "open full view")
 *
 *   start ── popup/start (one round trip) ──▶ first paint (body[data-first-paint] = ms)
 *              overview, waiting query, open target, and the page: its report (the one the page
 *              sent with its last state, or asked for now) with the summary's data
 *         └─ if the report was the kept one: page/report once, repaint only if it differs
 *
 * Views are render functions over the background's answers (./views), navigated in
 * navigator.ts inside the shell (shell.ts); this file starts the popup and follows the page's
 * pushes. Every string comes from _locales; text from the corpus or the page only ever goes in
 * through textContent.
 */

import { sendToTab } from '../messaging/channel.ts';
import type { PageReport, PopupToContent } from '../messaging/content-protocol.ts';
import type { KeptStart } from '../messaging/kept-start.ts';
import { type PageView, pageRequest } from '../messaging/popup-protocol.ts';
import { followTabs, markInView } from './follow-tab.ts';
import { t } from './i18n.ts';
import { keptStart } from './kept-start.ts';
import { back, open, render, repaintHome } from './navigator.ts';
import { hostOf, pageReport, pageTabId } from './page-link.ts';
import { onDisabledSitesChanged, onPageChanged } from './page-push.ts';
import { state } from './popup-state.ts';
import { cardOf, send, value } from './requests.ts';
import { buildShell, main, renderSite, search } from './shell.ts';
import { disabledSites } from './site-switch.ts';
import { setSources } from './source-names.ts';
import { statementView } from './views/common.ts';

// When this script began, for the first-paint measurement (body[data-script-start], ms after navigation).
const scriptStart = performance.now();
const params = new URLSearchParams(location.search);
/** The side panel (sidepanel.html) runs this same script and follows the active tab. */
const panel = document.body.dataset.surface === 'panel';

/** The switch changed (here or in another window): show it at once, the page follows with a push. */
function sitesChanged(hosts: string[]): void {
  if (!state.host) return;
  const enabled = !hosts.includes(state.host);
  if (enabled === state.enabled) return;
  const hadFocus = document.activeElement?.id === 'site-switch';
  state.enabled = enabled;
  renderSite();
  if (hadFocus) document.getElementById('site-switch')?.focus();
  void repaintHome();
}

/** The page pushed a new state: ask it for its report once, and show it if the summary is up. */
async function pageChanged(tabId: number): Promise<void> {
  await firstView.catch(() => undefined);
  if (tabId !== state.tabId) return;
  await refreshPage();
  await repaintHome();
  if (!panel) return;
  // A repaint drew the list afresh: the claim in view is marked again.
  markInView(inView);
  followPage();
}

/** The side panel: the facts of the claim the page shows now (kept across repaints). */
let inView: string[] = [];

/** The side panel: the page in view tells it which claim the reader is at. */
function followPage(): void {
  if (state.tabId !== null && state.report?.state === 'ready')
    void sendToTab<PopupToContent, 'page/follow'>(state.tabId, 'page/follow', {});
}

/** The side panel: another tab is the active one. Its summary replaces what was shown. */
async function switchTab(tabId: number): Promise<void> {
  await firstView.catch(() => undefined);
  if (tabId === state.tabId) return;
  state.tabId = tabId;
  state.stack.splice(1);
  state.returnFocus.length = 0;
  inView = [];
  await refreshPage();
  await render();
  document.body.dataset.followed = String(tabId);
  followPage();
}

let refreshSeq = 0;

async function refreshPage(): Promise<void> {
  const seq = ++refreshSeq;
  // The site list is read beside the report, not after it: the host is only known from the report.
  const [report, disabled] = await Promise.all([
    pageReport(state.tabId),
    disabledSites().catch((): string[] => []),
  ]);
  performance.mark('crossread:report');
  if (seq !== refreshSeq) return; // a newer push asked again
  let page: PageView | null = null;
  const request = pageRequest(report);
  if (request) {
    page = (await value('popup/page', request).catch(() => null)) as PageView | null;
    performance.mark('crossread:page');
  }
  if (seq !== refreshSeq) return;
  showPage(report, page, disabled);
}

/** Takes a page report and its summary data into the state, with the site switch. */
function showPage(report: PageReport | null, page: PageView | null, disabled: string[]): void {
  state.report = report;
  state.page = page;
  state.host = hostOf(report?.url);
  state.enabled = !(state.host && disabled.includes(state.host));
  renderSite();
}

async function start(): Promise<void> {
  // Everything at once: the overview with the waiting query and what to open (one background
  // round trip), and the page. The URL names a card (a tab), or the hover card's button left one.
  const article = params.get('article');
  const named = !!(params.get('fact') || params.get('name') || article);
  const tabParam = params.get('tab');
  const tab = tabParam === null ? 'active' : /^\d{1,10}$/.test(tabParam) ? Number(tabParam) : null;
  // The background fetches the page's report and summary beside the rest: one round trip.
  const begun = send('popup/start', { takeTarget: !named, tab });
  const sites = disabledSites().catch((): string[] => []);
  // Beside it, what the background kept in storage.session: when the worker is asleep that read
  // comes first, and the summary paints from it (a named card or query needs the background).
  const kept = named || params.get('q') ? Promise.resolve(null) : keptStart(tab);
  type First = { reply: Awaited<typeof begun>; kept: null } | { reply: null; kept: KeptStart };
  const fromBackground = begun.then((reply): First => ({ reply, kept: null }));
  const first = await Promise.race<First>([
    fromBackground,
    kept.then((k): First | Promise<First> => (k ? { reply: null, kept: k } : fromBackground)),
  ]);
  performance.mark('crossread:overview');
  if (first.kept) {
    state.tabId = first.kept.tabId;
    state.overview = first.kept.overview;
    setSources(first.kept.overview.sources);
    showPage(first.kept.page.report, first.kept.page.view, await sites);
    await firstPaint({ focusTitle: false, pageFrom: 'session' });
    void afterKept(begun, first.kept);
    return;
  }
  const reply = first.reply;
  let page: Promise<void>;
  if (reply.ok) {
    state.tabId = reply.value.page.tabId;
    page = sites.then((disabled) => showPage(reply.value.page.report, reply.value.page.view, disabled));
  } else {
    page = pageTabId(params).then((id) => {
      state.tabId = id;
      return refreshPage();
    });
  }
  const opened = reply.ok ? reply.value.target : null;
  const fact = params.get('fact') ?? (opened?.kind === 'claim' ? opened.id : null);
  const name = params.get('name') ?? (opened?.kind === 'name' ? opened.id : null);
  // Asked for beside the page, so the card paints in the first frame with data.
  if (fact) void cardOf('popup/fact', fact).catch(() => null);
  else if (name) void cardOf('popup/entity', name).catch(() => null);
  // An article opened from the corpus list: its source, once its story is read in.
  const source = article
    ? send('popup/article', { id: article.slice(0, 200) }).then((r) => (r.ok ? r.value : null))
    : null;
  state.overview = reply.ok
    ? reply.value.overview
    : { sources: [], entities: 0, facts: { corroborated: 0, conflict: 0, single: 0 }, error: reply.error };
  setSources(state.overview.sources);
  await page;

  const query = params.get('q') ?? (reply.ok ? reply.value.query : null);
  if (query) {
    state.query = query.slice(0, 200);
    search.value = state.query;
  }
  if (fact) state.stack.push({ kind: 'fact', id: fact });
  else if (name) state.stack.push({ kind: 'name', id: name });
  else if (source) state.stack.push({ kind: 'source', id: (await source) ?? '' });
  const cached = reply.ok && reply.value.page.cached;
  await firstPaint({ focusTitle: !!(fact || name || source), pageFrom: cached ? 'kept' : 'asked' });
  if (cached) void confirmReport();
}

/** Builds the shell with the first view, waits for its frame and records it (the bench reads these). */
async function firstPaint(options: {
  focusTitle: boolean;
  pageFrom: 'session' | 'kept' | 'asked';
}): Promise<void> {
  // The shell goes in with the first view: no frame is spent painting an empty header.
  buildShell(back);
  await render({ focusTitle: options.focusTitle });
  performance.mark('crossread:rendered');
  if (!options.focusTitle) search.focus();
  // The frame that shows the data (rAF runs just before it paints; a hidden tab never paints).
  await new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 200);
  });
  document.body.dataset.firstPaint = performance.now().toFixed(1);
  document.body.dataset.scriptStart = scriptStart.toFixed(1);
  // What that frame showed (the bench counts only frames with the page summary in them).
  document.body.dataset.firstView = document.getElementById('summary-counts')
    ? 'summary'
    : (main.dataset.view ?? '');
  // Where the page came from: storage.session (worker asleep), the background's kept report, or the page.
  document.body.dataset.pageFrom = options.pageFrom;
  document.body.dataset.ready = '1';
}

/**
 * The summary was painted from storage.session: take the background's answer when it comes,
 * repaint if it differs, and follow a query or card that waited after all; then check the page.
 */
async function afterKept(begun: ReturnType<typeof send<'popup/start'>>, kept: KeptStart): Promise<void> {
  const reply = await begun;
  // When the background answered (bench-popup: later when it had to start first).
  performance.mark('crossread:answer');
  if (reply.ok) {
    const { overview, page, query, target } = reply.value;
    const same =
      JSON.stringify([overview, page.report, page.view]) ===
      JSON.stringify([kept.overview, kept.page.report, kept.page.view]);
    if (!same && state.report === kept.page.report) {
      state.overview = overview;
      setSources(overview.sources);
      showPage(page.report, page.view, await disabledSites().catch((): string[] => []));
      await repaintHome();
    }
    if (target) open({ kind: target.kind === 'claim' ? 'fact' : 'name', id: target.id });
    else if (query && !state.query) {
      state.query = query.slice(0, 200);
      search.value = state.query;
      await render();
    }
  }
  await confirmReport();
}

/**
 * The first paint used the report the page sent with its last state. The page may have changed
 * since without a new state (its own script removed marked content): ask it once, and repaint
 * only if it says otherwise.
 */
async function confirmReport(): Promise<void> {
  const shown = state.report;
  const live = await pageReport(state.tabId);
  if (state.report === shown && JSON.stringify(live) !== JSON.stringify(shown)) {
    // The background keeps what the page says now, so the next popup does not paint the old report.
    if (live && state.tabId !== null)
      await send('popup/keepReport', { tabId: state.tabId, report: live }).catch(() => null);
    await refreshPage();
    await repaintHome();
  }
  document.body.dataset.confirmed = '1';
}

// A page still being read, the site switch, new content on the page: pushed, never polled.
onPageChanged((change) => void pageChanged(change.tabId));
onDisabledSitesChanged(sitesChanged);

const firstView = start();
if (panel)
  void firstView.then(() => {
    followPage();
    return followTabs({
      tab: (tabId) => void switchTab(tabId),
      loading: (tabId) => void pageChanged(tabId),
      inView: (tabId, ids) => {
        if (tabId !== state.tabId) return;
        inView = ids;
        markInView(ids);
      },
    });
  });
firstView.catch((error) => {
  main.replaceChildren(statementView(t('popupFailed', String((error as Error)?.message ?? error)), 'error'));
  document.body.dataset.ready = '1';
  console.error('crossread:', error);
});
