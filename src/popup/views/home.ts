/**
 * The page summary: what the page states that the corpus knows, by status; the
 * claims, conflicts first; the names; the "only one outlet" and "leaves out" lenses. When the page
 * has nothing, is not an article, is out of reach, or crossread is off there, one plain statement
 * says so and points at the lookup.
 */

import type { FactStatus } from '../../core/index/schema.ts';
import type { PageReport } from '../../messaging/content-protocol.ts';
import type { Overview, PageFact, PageView } from '../../messaging/popup-protocol.ts';
import { button, h } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { state } from '../popup-state.ts';
import { addArticleBar } from './add-article.ts';
import { factItem, section, statement, typeLabel } from './common.ts';
import { exportBar } from './export-report.ts';
import type { Nav } from './nav.ts';
import { openPanelButton } from './open-panel.ts';

export interface HomeModel {
  overview: Overview;
  /** The page's report, or null when no content script answered (browser pages, the popup's own tab). */
  report: PageReport | null;
  page: PageView | null;
  host: string | null;
  enabled: boolean;
}

const RANK: Record<FactStatus, number> = { conflict: 0, single: 1, corroborated: 2 };

/** A page claim with the summary of its most severe fact. */
interface ClaimLine {
  text: string;
  status: FactStatus;
  fact: PageFact;
}

function claimLines(report: PageReport, page: PageView): ClaimLine[] {
  const byId = new Map(page.facts.map((f) => [f.id, f]));
  const lines: ClaimLine[] = [];
  for (const claim of report.claims) {
    const facts = claim.ids.map((id) => byId.get(id)).filter((f): f is PageFact => !!f);
    facts.sort((a, b) => RANK[a.status] - RANK[b.status]);
    if (facts[0]) lines.push({ text: claim.text, status: claim.status, fact: facts[0] });
  }
  return lines.sort((a, b) => RANK[a.status] - RANK[b.status]);
}

function corpusLine(overview: Overview, nav: Nav): HTMLElement {
  const facts = overview.facts.conflict + overview.facts.single + overview.facts.corroborated;
  return h(
    'p',
    { class: 'corpus-line' },
    button(
      { class: 'link', id: 'open-sources' },
      () => nav.openSources(),
      tn('popupCorpusSources', overview.sources.length),
    ),
    ` · ${tn('popupCorpusFacts', facts)} · ${tn('popupCorpusNames', overview.entities)}`,
  );
}

/** The summary counts: claims by status, names; a big number over its label. */
function counts(lines: ClaimLine[], names: number): HTMLElement {
  const by = { conflict: 0, single: 0, corroborated: 0 };
  for (const l of lines) by[l.status]++;
  const chip = (status: FactStatus | 'names', n: number, key: string) =>
    h(
      'li',
      { class: `count count-${status}`, 'data-count': n },
      h('strong', { class: 'count-n' }, String(n)),
      h('span', { class: 'count-label' }, tn(key, n)),
    );
  return h(
    'ul',
    { class: 'counts', id: 'summary-counts' },
    chip('conflict', by.conflict, 'popupCountConflict'),
    chip('single', by.single, 'popupCountSingle'),
    chip('corroborated', by.corroborated, 'popupCountCorroborated'),
    chip('names', names, 'popupCountNames'),
  );
}

/** Why there is no summary to show, or null when there is one. */
function pageStatement(model: HomeModel): HTMLElement | null {
  const { report, host } = model;
  if (!report) return statement(t('popupStateNoPage'));
  if (!model.enabled || report.state === 'off') return statement(t('popupStateOff', host ?? ''));
  if (report.state === 'error') return statement(t('popupStateError', report.error ?? ''), 'error');
  if (report.state === 'not-article') return statement(t('popupStateNotArticle'));
  if (report.state === 'scanning') return statement(t('popupStateScanning'));
  if (report.claims.length === 0 && report.names.length === 0) return statement(t('popupStateNothing'));
  return null;
}

/** How many left-out facts show before "Show all": the most reported first, the list stays scannable. */
const LEFT_OUT_FIRST = 6;

/** The "leaves out" lens: the first few facts, and a button that shows the rest in place. */
function leftOutList(facts: PageFact[], nav: Nav): HTMLElement {
  const item = (f: PageFact) =>
    h(
      'li',
      {},
      factItem(f, () => nav.openFact(f.id), { outlets: true }),
    );
  const list = h('ul', { class: 'list', id: 'lens-left-out' }, ...facts.slice(0, LEFT_OUT_FIRST).map(item));
  if (facts.length <= LEFT_OUT_FIRST) return list;
  const more = button(
    { class: 'secondary show-all', id: 'left-out-all' },
    () => {
      list.append(...facts.slice(LEFT_OUT_FIRST).map(item));
      more.remove();
      list.children[LEFT_OUT_FIRST]?.querySelector('button')?.focus();
    },
    tn('popupShowAll', facts.length),
  );
  return h('div', {}, list, more);
}

/** Renders the home view. */
export function renderHome(model: HomeModel, nav: Nav): HTMLElement {
  const root = h('div', { class: 'view view-home', id: 'view-home' });
  if (model.overview.error) {
    root.append(
      h('h1', { class: 'visually-hidden' }, t('popupTitle')),
      statement(t('popupIndexError', model.overview.error), 'error'),
    );
    return root;
  }
  const said = pageStatement(model);
  const heading = h('h1', { class: 'page-heading', id: 'page-heading' }, t('popupPageHeading'));
  if (said || !model.report || !model.page) {
    root.append(
      heading,
      h('div', { id: 'page-state', 'data-state': model.report?.state ?? 'none' }, said),
      statement(t('popupLookupHint')),
      corpusLine(model.overview, nav),
      ...[openPanelButton(state.tabId)].filter((b) => b !== null),
      addArticleBar(state.tabId),
    );
    return root;
  }
  const { report, page } = model;
  const lines = claimLines(report, page);
  const countsOnPage = new Map(report.names.map((n) => [n.id, n.count]));
  root.append(heading, counts(lines, page.names.length));

  if (lines.length) {
    root.append(
      section(
        'claims',
        t('popupClaimsHeading'),
        h(
          'ul',
          { class: 'list', id: 'claims' },
          ...lines.map((line) =>
            h(
              'li',
              {},
              factItem(
                line.fact,
                () => {
                  nav.showOnPage(line.fact.id);
                  nav.openFact(line.fact.id);
                },
                { text: line.text },
              ),
            ),
          ),
        ),
      ),
    );
  }

  if (page.names.length) {
    const names = [...page.names].sort(
      (a, b) => (countsOnPage.get(b.id) ?? 0) - (countsOnPage.get(a.id) ?? 0),
    );
    root.append(
      section(
        'names',
        t('popupNamesHeading'),
        h(
          'ul',
          { class: 'chips', id: 'names' },
          ...names.map((n) =>
            h(
              'li',
              {},
              button(
                { class: 'chip name-chip', 'data-name': n.id, title: typeLabel(n.type) },
                () => {
                  nav.showOnPage(n.id);
                  nav.openName(n.id);
                },
                h('span', {}, n.name),
                h(
                  'span',
                  { class: 'chip-count', 'aria-label': tn('popupOnPageTimes', countsOnPage.get(n.id) ?? 0) },
                  `×${countsOnPage.get(n.id) ?? 0}`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  const single = lines.filter((l) => l.fact.status === 'single');
  root.append(
    section(
      'only-one',
      t('popupLensOnlyOne'),
      single.length
        ? h(
            'ul',
            { class: 'list', id: 'lens-only-one' },
            ...single.map((l) =>
              h(
                'li',
                {},
                factItem(l.fact, () => nav.openFact(l.fact.id), { text: l.text, outlets: true }),
              ),
            ),
          )
        : statement(t('popupLensOnlyOneEmpty')),
    ),
    section(
      'left-out',
      t('popupLensLeftOut'),
      page.leftOut.length ? leftOutList(page.leftOut, nav) : statement(t('popupLensLeftOutEmpty')),
    ),
    corpusLine(model.overview, nav),
    exportBar(report),
    ...[openPanelButton(state.tabId)].filter((b) => b !== null),
    addArticleBar(state.tabId),
  );
  return root;
}
