/**
 * The popup's views and the way between them: the navigation stack with Back, each view rendered
 * from the background's answers (./views), and the search field's lookup with its keys.
 */
import type {
  EntityMatch,
  FactCard,
  FactSummary,
  NameCard,
  SourceText,
} from '../messaging/popup-protocol.ts';
import { button, h } from './dom.ts';
import { focusKey } from './focus-keys.ts';
import { t } from './i18n.ts';
import { scrollPageTo } from './page-link.ts';
import { state, top, type View } from './popup-state.ts';
import { cardOf, value } from './requests.ts';
import { main, search, status } from './shell.ts';
import { statement, statementView } from './views/common.ts';
import { renderFactCard } from './views/fact-card.ts';
import { renderHome } from './views/home.ts';
import { LISTBOX_ID, type LookupView, renderLookup } from './views/lookup.ts';
import { renderNameCard } from './views/name-card.ts';
import type { Nav } from './views/nav.ts';
import { renderReader, renderSources } from './views/source-reader.ts';

export const back = button(
  { class: 'icon-button', id: 'back', hidden: true },
  () => goBack(),
  h('span', { 'aria-hidden': 'true' }, '←'),
  h('span', { class: 'visually-hidden' }, t('popupBack')),
);

export function open(view: View): void {
  state.returnFocus.push(focusKey());
  state.stack.push(view);
  void render({ focusTitle: true });
}

export function goBack(): void {
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

/** Repaints the summary if it is what is showing. */
export async function repaintHome(): Promise<void> {
  if (top().kind === 'home' && !state.query) await render({ focus: focusKey() });
}

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

export async function render(options: { focusTitle?: boolean; focus?: string | null } = {}): Promise<void> {
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
