/**
 * One crossread instance in one page, without any extension API (so tests/dom can drive it in a
 * plain page): finds the article, scans it in slices, follows the page, paints, answers the
 * report / scrollTo / jump requests, and tears everything down on abort.
 */

import { findArticleRoot } from '../article/article-root.ts';
import type { PageReport, PageSetup } from '../messaging/content-protocol.ts';
import { MutationWatcher } from './dom/mutation-watcher.ts';
import { PageDescriptions } from './dom/page-ui.ts';
import { unmarkAll } from './dom/painter.ts';
import { Scheduler } from './dom/scheduler.ts';
import { Highlighter, inDocumentOrder, type MatchSegments } from './passes/highlight.ts';
import { type CardSource, HoverCard } from './passes/hover-card.ts';
import { InView } from './passes/in-view.ts';
import { Minimap } from './passes/minimap.ts';

export type State = 'scanning' | 'ready' | 'off';

export interface AppOptions {
  match: MatchSegments;
  cards: CardSource;
  signal: AbortSignal;
  /** The highlight descriptions, from content/setup (looked up in the page when absent). */
  descriptions?: PageSetup['descriptions'];
  /** Whether the conflict minimap is drawn (the reader's setting, from content/setup). */
  minimap?: boolean;
  /** The facts of the claim in view, for a side panel that follows the page. */
  inView?: (ids: string[]) => void;
}

export class CrossreadApp {
  readonly highlighter: Highlighter;
  readonly scheduler = new Scheduler();
  private readonly watcher: MutationWatcher;
  private root: Element | null = null;
  private cursor = -1;
  private readonly minimap: Minimap | null;
  private readonly inView: InView;
  readonly started = performance.now();
  /** Bench builds: ms from start to the first `ready`. */
  firstReady = -1;

  constructor(
    private readonly doc: Document,
    private readonly options: AppOptions,
  ) {
    const t0 = performance.now();
    const { signal } = options;
    // A saved copy of a page may carry old marks: strip them before reading the text.
    // (A tag lookup first: on the usual page without any <mark> it costs nothing, even on 5 MB.)
    if (doc.body && doc.getElementsByTagName('mark').length) unmarkAll(doc.body);
    const descriptions = new PageDescriptions(doc, options.descriptions);
    new HoverCard(doc, options.cards, signal);
    this.watcher = new MutationWatcher(doc.body ?? doc.documentElement, (nodes) => this.added(nodes), signal);
    this.highlighter = new Highlighter(options.match, this.scheduler, this.watcher, signal, () =>
      descriptions.ensure(),
    );
    this.minimap = options.minimap ? new Minimap(doc, (mark) => this.reveal(mark)) : null;
    this.inView = new InView((ids) => options.inView?.(ids));
    // Ready once every slice has run AND every batch sent for matching has been answered and painted.
    const settle = () => {
      if (this.scheduler.busy || this.highlighter.inflight !== 0) return;
      this.setState('ready');
      // Ticks and a following panel need the claims in page order; a page with neither skips it.
      if (!this.minimap && !this.inView.on) return;
      const claims = this.claims();
      this.minimap?.draw(claims);
      if (this.inView.on) this.inView.follow(claims);
    };
    this.scheduler.onIdle = settle;
    this.highlighter.onSettled = settle;
    signal.addEventListener(
      'abort',
      () => {
        this.scheduler.stop();
        this.watcher.disconnect();
        if (doc.body) unmarkAll(doc.body);
        descriptions.remove();
        this.minimap?.remove();
        this.inView.stop();
        this.highlighter.clear();
      },
      { once: true },
    );
    this.highlighter.timings.setup += performance.now() - t0;
  }

  start(): void {
    const t0 = performance.now();
    this.setState('scanning');
    this.root = findArticleRoot(this.doc);
    this.highlighter.timings.setup += performance.now() - t0;
    if (this.root) this.highlighter.scan(this.root);
    this.watcher.connect();
    if (!this.root) this.setState('ready');
  }

  setState(state: State): void {
    if (this.options.signal.aborted) return;
    this.doc.documentElement.setAttribute('data-crossread-state', state);
    if (state === 'ready' && this.firstReady < 0) this.firstReady = performance.now() - this.started;
  }

  /** New content: a late article, the next page of an infinite scroll, an app's new view. */
  private added(nodes: Node[]): void {
    if (!this.root?.isConnected) {
      this.root = findArticleRoot(this.doc);
      if (!this.root) return;
      this.setState('scanning');
      this.highlighter.scan(this.root);
      return;
    }
    const root = this.root;
    const inside = nodes.filter((n) => root.contains(n) && n !== root);
    // Only the outermost added nodes: a node inside another added node is scanned with it.
    const tops = inside.filter((n) => !inside.some((o) => o !== n && o.contains(n)));
    let queued = false;
    for (const n of tops) {
      const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
      if (!el) continue;
      // A text node added into an already painted element is left alone: rescanning it would mark twice.
      if (n.nodeType === 3 && el.querySelector('mark[data-crossread-kind]')) continue;
      this.highlighter.scan(el);
      queued = true;
    }
    if (queued) this.setState('scanning');
  }

  /** What the page shows, in painting order (sorting 5,000 marks by document order took 31 ms). */
  report(url: string): PageReport {
    const live = this.highlighter.live();
    const counts = new Map<string, number>();
    const claims: PageReport['claims'] = [];
    for (const r of live) {
      if (r.kind === 'name') counts.set(r.ids[0] as string, (counts.get(r.ids[0] as string) ?? 0) + 1);
      else claims.push({ ids: r.ids, status: r.status ?? 'single', text: r.text });
    }
    const state = this.doc.documentElement.getAttribute('data-crossread-state');
    return {
      state: state === 'scanning' || state === 'off' ? state : this.root ? 'ready' : 'not-article',
      url,
      title: this.doc.title,
      names: [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count),
      claims,
    };
  }

  /** Scrolls to the first highlight carrying `id` and flashes it. */
  scrollTo(id: string): boolean {
    const hit = inDocumentOrder(this.highlighter.live().filter((r) => r.ids.includes(id)))[0];
    if (!hit) return false;
    this.reveal(hit.mark);
    return true;
  }

  private claims() {
    return inDocumentOrder(this.highlighter.live().filter((r) => r.kind === 'claim'));
  }

  /** A side panel follows the page: from now on, it hears which claim is in view. */
  follow(): boolean {
    this.inView.follow(this.claims());
    return true;
  }

  /** Moves focus to the next (1) or previous (-1) conflicting claim, wrapping around. */
  jump(direction: 1 | -1): boolean {
    const conflicts = this.claims().filter((r) => r.status === 'conflict');
    if (!conflicts.length) return false;
    this.cursor = (this.cursor + direction + conflicts.length) % conflicts.length;
    this.reveal((conflicts[this.cursor] as { mark: HTMLElement }).mark);
    return true;
  }

  private reveal(mark: HTMLElement): void {
    this.inView.pin((mark.getAttribute('data-crossread-id') ?? '').split(' '));
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
    // Web Animations: a flash without touching the mark's attributes.
    mark.animate?.([{ outline: '3px solid Highlight' }, { outline: '3px solid transparent' }], {
      duration: 1200,
      iterations: 2,
    });
  }
}
