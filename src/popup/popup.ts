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
 * Views are render functions over the background's answers (./views); this file keeps the
 * navigation stack, the search field's keyboard handling and the page link. Every string comes
 * from _locales; text from the corpus or the page only ever goes in through textContent.
 */

import browser from 'webextension-polyfill';
import { sendToBackground } from '../messaging/channel.ts';
import type { PageReport } from '../messaging/content-protocol.ts';
import type { KeptStart } from '../messaging/kept-start.ts';
import {
  type EntityMatch,
  type FactCard,
  type FactSummary,
  type NameCard,
  type Overview,
  type PageView,
  type PopupToBackground,
  pageRequest,
  type SourceText,
} from '../messaging/popup-protocol.ts';
import { button, h } from './dom.ts';
import { t } from './i18n.ts';
import { keptStart } from './kept-start.ts';
import { hostOf, pageReport, pageTabId, scrollPageTo } from './page-link.ts';
import { onDisabledSitesChanged, onPageChanged } from './page-push.ts';
import { disabledSites, setEnabled } from './site-switch.ts';
import { setSources } from './source-names.ts';
import { statement, statementView } from './views/common.ts';
import { renderFactCard } from './views/fact-card.ts';
import { renderHome } from './views/home.ts';
import { LISTBOX_ID, type LookupView, renderLookup } from './views/lookup.ts';
import { renderNameCard } from './views/name-card.ts';
import type { Nav } from './views/nav.ts';
import { renderReader, renderSources } from './views/source-reader.ts';

type View =
  | { kind: 'home' }
  | { kind: 'fact'; id: string }
  | { kind: 'name'; id: string }
  | { kind: 'sources' }
  | { kind: 'source'; id: string; sentence?: number };

// When this script began, for the first-paint measurement (body[data-script-start], ms after navigation).
const scriptStart = performance.now();
const params = new URLSearchParams(location.search);

const state = {
  overview: null as Overview | null,
  tabId: null as number | null,
  report: null as PageReport | null,
  page: null as PageView | null,
  host: null as string | null,
  enabled: true,
  query: '',
  stack: [{ kind: 'home' }] as View[],
  /** Where focus was when each view was opened, to restore it on Back. */
  returnFocus: [] as (string | null)[],
  lookup: null as LookupView | null,
  active: -1,
  renderSeq: 0,
  /** False until the first view is in the page. */
  rendered: false,
};

function send<K extends keyof PopupToBackground & string>(type: K, payload: PopupToBackground[K]['request']) {
  return sendToBackground<PopupToBackground, K>(type, payload);
}

async function value<K extends keyof PopupToBackground & string>(
  type: K,
  payload: PopupToBackground[K]['request'],
): Promise<PopupToBackground[K]['response']> {
  const reply = await send(type, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Cards never change while the popup is open (one index): each is asked for once. */
const cards = new Map<string, Promise<unknown>>();
function cardOf<K extends 'popup/fact' | 'popup/entity' | 'popup/source'>(
  type: K,
  id: string,
): Promise<PopupToBackground[K]['response']> {
  const key = `${type} ${id}`;
  let pending = cards.get(key) as Promise<PopupToBackground[K]['response']> | undefined;
  if (!pending) {
    pending = value(type, { id } as PopupToBackground[K]['request']);
    pending.catch(() => cards.delete(key));
    cards.set(key, pending);
  }
  return pending;
}

// ---- shell -------------------------------------------------------------------------------

const main = document.getElementById('app') as HTMLElement;
const status = h('div', { id: 'status', role: 'status', class: 'visually-hidden' });
const back = button(
  { class: 'icon-button', id: 'back', hidden: true },
  () => goBack(),
  h('span', { 'aria-hidden': 'true' }, '←'),
  h('span', { class: 'visually-hidden' }, t('popupBack')),
);
const site = h('div', { class: 'site', id: 'site' });
const search = h('input', {
  id: 'q',
  type: 'search',
  role: 'combobox',
  autocomplete: 'off',
  spellcheck: 'false',
  'aria-autocomplete': 'list',
  'aria-expanded': 'false',
  placeholder: t('popupSearchPlaceholder'),
  'aria-describedby': 'search-hint',
});

function buildShell(): void {
  document.title = t('popupTitle');
  document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  const header = h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'brand-row' },
      back,
      h(
        'span',
        { class: 'brand' },
        h('img', { src: 'icons/icon-32.png', alt: '', width: 18, height: 18 }),
        t('extName'),
      ),
      site,
    ),
    h(
      'div',
      { class: 'search', role: 'search' },
      h('label', { for: 'q', class: 'visually-hidden' }, t('popupSearchLabel')),
      search,
      h('span', { id: 'search-hint', class: 'visually-hidden' }, t('popupSearchKeys')),
    ),
  );
  document.body.prepend(header);
  document.body.append(status);
}

function renderSite(): void {
  site.replaceChildren();
  if (!state.host || !state.report) return;
  const on = state.enabled;
  site.append(
    button(
      {
        class: `switch ${on ? 'on' : 'off'}`,
        id: 'site-switch',
        role: 'switch',
        'aria-checked': String(on),
        title: t('popupSwitchTitle', state.host),
      },
      () => void toggleSite(),
      h('span', { class: 'switch-track', 'aria-hidden': 'true' }, h('span', { class: 'switch-thumb' })),
      h('span', { class: 'switch-label' }, state.host),
      h('span', { class: 'visually-hidden' }, t('popupSwitchLabel')),
    ),
  );
}

async function toggleSite(): Promise<void> {
  if (!state.host) return;
  await setEnabled(state.host, !state.enabled);
  // The rest arrives as pushes: the storage change (below) and then the page's new state.
}

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
}

async function repaintHome(): Promise<void> {
  if (top().kind === 'home' && !state.query) await render({ focus: focusKey() });
}

// ---- navigation --------------------------------------------------------------------------

const top = (): View => state.stack[state.stack.length - 1]!;

/** A selector for an element that survives re-rendering: its id or data key, or its holder's. */
function keyOf(el: Element): string | null {
  if (el.id) return `#${CSS.escape(el.id)}`;
  for (const attr of ['data-fact', 'data-name', 'data-source']) {
    const v = el.getAttribute(attr);
    if (v) return `[${attr}="${CSS.escape(v)}"]`;
  }
  return null;
}

function focusKey(): string | null {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const own = keyOf(el);
  if (own) return own;
  const holder = el.parentElement?.closest('[id], [data-fact], [data-name], [data-source]');
  const held = holder ? keyOf(holder) : null;
  if (!held || !el.classList.length) return null;
  return `${held} ${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${CSS.escape(c)}`).join('')}`;
}

function open(view: View): void {
  state.returnFocus.push(focusKey());
  state.stack.push(view);
  void render({ focusTitle: true });
}

function goBack(): void {
  if (state.stack.length <= 1) return;
  state.stack.pop();
  const key = state.returnFocus.pop() ?? null;
  void render({ focus: key });
}

const nav: Nav = {
  openFact: (id) => open({ kind: 'fact', id }),
  openName: (id) => open({ kind: 'name', id }),
  openSource: (id, sentence) => open({ kind: 'source', id, sentence }),
  openSources: () => open({ kind: 'sources' }),
  showOnPage: (id) => {
    void scrollPageTo(state.tabId, id).then((done) => {
      document.body.dataset.scrolled = done ? id : '';
    });
  },
  get hasPage() {
    return state.report !== null && state.tabId !== null;
  },
};

const onPageFacts = () => new Set(state.report?.claims.flatMap((c) => c.ids) ?? []);
const onPageNames = () => new Set(state.report?.names.map((n) => n.id) ?? []);

// ---- rendering ---------------------------------------------------------------------------

function setLookup(view: LookupView | null): void {
  state.lookup = view;
  state.active = -1;
  const expanded = !!view && view.options.length > 0;
  search.setAttribute('aria-expanded', String(expanded));
  if (expanded) search.setAttribute('aria-controls', LISTBOX_ID);
  else search.removeAttribute('aria-controls');
  search.removeAttribute('aria-activedescendant');
}

type Rendered = { el: HTMLElement; target?: HTMLElement | null; lookupView?: LookupView };

async function viewFor(view: View): Promise<Rendered> {
  if (!state.overview) return { el: statementView(t('popupLoading')) };
  if (state.overview.error) return { el: statementView(t('popupIndexError', state.overview.error), 'error') };
  switch (view.kind) {
    case 'home': {
      if (state.query.trim()) {
        const query = state.query;
        const results = await value('popup/lookup', { query });
        const lookupView = renderLookup(
          query,
          results as { entities: EntityMatch[]; facts: FactSummary[] },
          nav,
        );
        return { el: lookupView.view, lookupView };
      }
      return {
        el: renderHome(
          {
            overview: state.overview,
            report: state.report,
            page: state.page,
            host: state.host,
            enabled: state.enabled,
          },
          nav,
        ),
      };
    }
    case 'fact': {
      const card = (await cardOf('popup/fact', view.id)) as FactCard | null;
      return {
        el: card ? renderFactCard(card, nav, onPageFacts().has(view.id)) : statement(t('popupFactNotFound')),
      };
    }
    case 'name': {
      const card = (await cardOf('popup/entity', view.id)) as NameCard | null;
      return {
        el: card ? renderNameCard(card, nav, onPageNames().has(view.id)) : statement(t('popupNameNotFound')),
      };
    }
    case 'sources':
      return { el: renderSources(state.overview.sources, nav) };
    case 'source': {
      const source = (await cardOf('popup/source', view.id)) as SourceText | null;
      if (!source) return { el: statementView(t('popupSourceNotFound')) };
      const { view: el, target } = renderReader(source, view.sentence);
      return { el, target };
    }
  }
}

async function render(options: { focusTitle?: boolean; focus?: string | null } = {}): Promise<void> {
  const seq = ++state.renderSeq;
  const view = top();
  let result: Rendered;
  try {
    result = await viewFor(view);
  } catch (error) {
    result = { el: statementView(t('popupFailed', String((error as Error)?.message ?? error)), 'error') };
  }
  performance.mark('crossread:built');
  if (seq !== state.renderSeq) return; // a newer keystroke or click won
  const isLookup = view.kind === 'home' && !!state.query.trim();
  setLookup(isLookup ? (result.lookupView ?? null) : null);
  main.replaceChildren(result.el);
  main.dataset.view = isLookup ? 'lookup' : view.kind;
  back.hidden = state.stack.length <= 1;
  if (isLookup && state.lookup) status.textContent = t('popupResultsStatus', state.lookup.options.length);
  if (result.target) {
    result.target.scrollIntoView({ block: 'center' });
    result.target.focus({ preventScroll: true });
  } else if (options.focusTitle) {
    main.querySelector<HTMLElement>('h1')?.focus();
  } else if (options.focus) {
    document.querySelector<HTMLElement>(options.focus)?.focus();
  }
  // Back at the top for a new view; not on the first one, which starts there: setting scrollTop
  // forces a layout, and before the first frame that is the whole page laid out twice.
  if (state.rendered && !options.focusTitle && !result.target && !isLookup) main.scrollTop = 0;
  state.rendered = true;
}

// ---- the search field: type, arrows, Enter -----------------------------------------------

function setActive(i: number): void {
  const options = state.lookup?.options ?? [];
  if (!options.length) return;
  state.active = (i + options.length) % options.length;
  options.forEach((o, j) => {
    o.el.setAttribute('aria-selected', String(j === state.active));
    o.el.classList.toggle('active', j === state.active);
  });
  const el = options[state.active]!.el;
  search.setAttribute('aria-activedescendant', el.id);
  el.scrollIntoView({ block: 'nearest' });
}

search.addEventListener('input', () => {
  state.query = search.value;
  if (state.stack.length > 1) {
    state.stack = [{ kind: 'home' }];
    state.returnFocus = [];
  }
  void render();
});

search.addEventListener('keydown', (event) => {
  const options = state.lookup?.options ?? [];
  if (event.key === 'ArrowDown' && options.length) {
    event.preventDefault();
    setActive(state.active + 1);
  } else if (event.key === 'ArrowUp' && options.length) {
    event.preventDefault();
    setActive(state.active < 0 ? options.length - 1 : state.active - 1);
  } else if (event.key === 'Enter' && options.length) {
    event.preventDefault();
    options[Math.max(0, state.active)]!.open();
  } else if (event.key === 'Escape' && search.value) {
    event.preventDefault();
    search.value = '';
    state.query = '';
    void render();
  }
});

document.addEventListener('keydown', (event) => {
  const inField = event.target === search;
  if ((event.key === 'Escape' && !(inField && search.value)) || (event.altKey && event.key === 'ArrowLeft')) {
    if (state.stack.length > 1) {
      event.preventDefault();
      goBack();
    }
  } else if (event.key === '/' && !inField) {
    event.preventDefault();
    search.focus();
  }
});

// ---- start -------------------------------------------------------------------------------

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
  const named = !!(params.get('fact') || params.get('name'));
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
  const cached = reply.ok && reply.value.page.cached;
  await firstPaint({ focusTitle: !!(fact || name), pageFrom: cached ? 'kept' : 'asked' });
  if (cached) void confirmReport();
}

/** Builds the shell with the first view, waits for its frame and records it (the bench reads these). */
async function firstPaint(options: {
  focusTitle: boolean;
  pageFrom: 'session' | 'kept' | 'asked';
}): Promise<void> {
  // The shell goes in with the first view: no frame is spent painting an empty header.
  buildShell();
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
firstView.catch((error) => {
  main.replaceChildren(statementView(t('popupFailed', String((error as Error)?.message ?? error)), 'error'));
  document.body.dataset.ready = '1';
  console.error('crossread:', error);
});
