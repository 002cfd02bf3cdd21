/**
 * The highlight pass: walks an article root in slices, sends the segments'
 * text in batches to the core page matcher (in the background: the page never holds the index,
 * and matching runs off its main thread), and paints each block's matches with mark.js when the
 * answer comes back. Every painted highlight is registered for the popup's report, scrollTo and
 * the conflict shortcuts.
 */
import type { FactStatus } from '../../core/index/schema.ts';
import type { SegmentMatches } from '../../messaging/content-protocol.ts';
import type { MutationWatcher } from '../dom/mutation-watcher.ts';
import { DESCRIPTION_IDS } from '../dom/page-ui.ts';
import { type Highlight, paintBlock } from '../dom/painter.ts';
import type { Scheduler } from '../dom/scheduler.ts';
import { locate, type Segment, SegmentWalker } from '../dom/text-segments.ts';

/** Page text → matches (the background's `content/match`, or the core directly in tests). */
export type MatchSegments = (segments: string[]) => Promise<SegmentMatches | null>;

/** A painted highlight: its first mark and what it stands for. */
export interface Registered {
  mark: HTMLElement;
  kind: 'name' | 'claim';
  ids: string[];
  status?: FactStatus;
  text: string;
}

/** Timings of crossread's own work (reported by bench builds): page main thread, and background matching. */
export interface Timings {
  /** Stale-mark strip, card listeners, article detection: once per page. */
  setup: number;
  extract: number;
  paint: number;
  /** The page's report sent with each settled state (`content/state`, for the popup). */
  announce: number;
  match: number;
  batches: number;
  /** When (performance.now) the last batch was sent and the last answer came: where `ready` waits. */
  lastSent: number;
  lastAnswer: number;
}

const NODES_PER_STEP = 250;
/** Characters per batch: small enough for a quick first answer, large enough to amortise a message. */
const BATCH_CHARS = 40000;
const BLOCKS_PER_STEP = 4;
/**
 * Paint slices are longer than reading slices: every frame after a DOM change costs the browser
 * a fixed layout + pre-paint walk of the whole page, whatever the change (5 MB page, measured:
 * 23–28 ms per frame for 1 to 100 marked paragraphs). Fuller slices mean fewer such frames:
 * ready 1.6–2.1 s instead of 1.7–2.7 s there, and the longest task no worse. The frame after a
 * 20 ms slice is mostly that fixed walk, but on a loaded machine it still reached 50–60 ms.
 */
const PAINT_BUDGET_MS = 20;
/**
 * And at most this many blocks per paint slice: the frame after it lays out every block painted
 * in it (5 MB page, traced: about 36 ms + 0.28 ms per block), and a fast slice of short blocks
 * (names only) painted up to 117, making 60–114 ms frames. 5 MB page, 17 runs each, alternated:
 * tasks over 50 ms 42 → 22 in all, runs with none 2 → 8, ready median 2.0 s either way.
 */
const PAINT_BLOCKS_PER_SLICE = 50;

export class Highlighter {
  readonly registry: Registered[] = [];
  readonly timings: Timings = {
    setup: 0,
    extract: 0,
    paint: 0,
    announce: 0,
    match: 0,
    batches: 0,
    lastSent: 0,
    lastAnswer: 0,
  };
  /** Batches sent and not yet answered: the page is not `ready` while any is out. */
  inflight = 0;
  /** Registry size that triggers the next prune of removed marks. */
  private pruneAt = 256;
  /** Blocks painted in the scheduler's current slice (`slice` is the slice they were counted in). */
  private painted = { slice: -1, blocks: 0 };
  onSettled: () => void = () => {};

  constructor(
    private readonly match: MatchSegments,
    private readonly scheduler: Scheduler,
    private readonly watcher: MutationWatcher | null,
    private readonly signal: AbortSignal,
    /** Called before each paint step: the marks' descriptions must exist once marks point at them. */
    private readonly beforePaint: () => void = () => {},
  ) {}

  /** Queues a scan of `root`; it runs in idle slices. */
  scan(root: Element): void {
    const walker = new SegmentWalker(root);
    let batch: Segment[] = [];
    let chars = 0;
    this.scheduler.add(() => {
      const t = performance.now();
      for (const seg of walker.next(NODES_PER_STEP)) {
        // Nothing to match in text without a capital or a digit (names and facts carry one).
        if (seg.text.length < 3 || !/[\p{Lu}\d]/u.test(seg.text)) continue;
        batch.push(seg);
        chars += seg.text.length;
      }
      if (batch.length && (chars >= BATCH_CHARS || walker.done)) {
        this.dispatch(batch);
        batch = [];
        chars = 0;
      }
      this.timings.extract += performance.now() - t;
      return !walker.done;
    });
  }

  private dispatch(batch: Segment[]): void {
    this.inflight++;
    this.timings.batches++;
    this.timings.lastSent = performance.now();
    const texts = batch.map((s) => s.text);
    this.match(texts)
      .then((found) => {
        if (this.signal.aborted || !found) return;
        this.timings.match += found.ms;
        this.timings.lastAnswer = performance.now();
        const blocks = this.highlights(batch, found);
        if (blocks.size) this.queuePaint(blocks);
      })
      .catch((error) => console.error('crossread: matching failed', error))
      .finally(() => {
        this.inflight--;
        if (!this.scheduler.busy) this.onSettled();
      });
  }

  /** Turns the matcher's segment offsets into node-anchored highlights, grouped by block. */
  private highlights(batch: Segment[], found: SegmentMatches): Map<Element, Highlight[]> {
    const blocks = new Map<Element, Highlight[]>();
    const checked = new Map<number, boolean>();
    const usable = (i: number): Segment | null => {
      const seg = batch[i];
      if (!seg) return null;
      let ok = checked.get(i);
      if (ok === undefined) {
        // The page may have changed while the batch was out: paint only text that is still as read.
        ok =
          seg.nodes.every((n) => n.node.isConnected) &&
          seg.nodes.map((n) => n.node.data).join('') === seg.text;
        checked.set(i, ok);
      }
      return ok ? seg : null;
    };
    const add = (seg: Segment, h: Highlight) => {
      let list = blocks.get(seg.block);
      if (!list) {
        list = [];
        blocks.set(seg.block, list);
      }
      list.push(h);
    };
    for (const [i, start, end, ids, status] of found.claims) {
      const seg = usable(i);
      if (!seg || !(end > start) || end > seg.text.length) continue;
      add(seg, {
        kind: 'claim',
        ids,
        status,
        text: seg.text.slice(start, end),
        start: locate(seg, start),
        end: locate(seg, end, true),
      });
    }
    for (const [i, start, end, id] of found.names) {
      const seg = usable(i);
      if (!seg || !(end > start) || end > seg.text.length) continue;
      add(seg, {
        kind: 'name',
        ids: [id],
        text: seg.text.slice(start, end),
        start: locate(seg, start),
        end: locate(seg, end, true),
      });
    }
    return blocks;
  }

  private queuePaint(blocks: Map<Element, Highlight[]>): void {
    const entries = [...blocks];
    let at = 0;
    this.scheduler.add(() => {
      const t = performance.now();
      const count = this.painted;
      if (count.slice !== this.scheduler.slices) {
        count.slice = this.scheduler.slices;
        count.blocks = 0;
      }
      const from = at;
      const stop = Math.min(entries.length, at + BLOCKS_PER_STEP);
      const run = () => {
        this.beforePaint();
        for (; at < stop; at++) {
          const [block, list] = entries[at] as [Element, Highlight[]];
          if (block.isConnected) paintBlock(block, list, (mark, h) => this.register(mark, h));
        }
      };
      if (this.watcher) this.watcher.flushBefore(run);
      else run();
      this.timings.paint += performance.now() - t;
      count.blocks += at - from;
      if (at >= entries.length) return false;
      return count.blocks >= PAINT_BLOCKS_PER_SLICE ? 'yield' : true;
    }, PAINT_BUDGET_MS);
  }

  private register(mark: HTMLElement, h: Highlight): void {
    mark.tabIndex = 0;
    mark.setAttribute('data-crossread-first', '');
    const desc =
      h.kind === 'name' ? DESCRIPTION_IDS.name : DESCRIPTION_IDS[(h.status ?? 'single') as FactStatus];
    mark.setAttribute('aria-describedby', desc);
    this.registry.push({
      mark,
      kind: h.kind,
      ids: h.ids,
      status: h.status as FactStatus | undefined,
      text: h.text,
    });
    if (this.registry.length > this.pruneAt) this.prune();
  }

  /**
   * Registered highlights still in the page, in the order painted: document order within a
   * batch, later content after. Drops the removed ones for good.
   */
  live(): Registered[] {
    this.prune();
    return [...this.registry];
  }

  /**
   * Forgets marks the page removed (an app swapping its article): a kept entry would keep the
   * whole removed subtree reachable (robustness finding F1: heap grew ~6 kB per swap).
   */
  private prune(): void {
    let n = 0;
    for (const r of this.registry) if (r.mark.isConnected) this.registry[n++] = r;
    this.registry.length = n;
    this.pruneAt = Math.max(256, n * 2);
  }

  clear(): void {
    this.registry.length = 0;
  }
}

/**
 * `list` sorted by document order: for the few highlights a jump or a scroll picks from, not for
 * all of them (compareDocumentPosition walks the page's tree: 31 ms for 5,000 marks on 5 MB).
 */
export function inDocumentOrder(list: Registered[]): Registered[] {
  return [...list].sort((a, b) =>
    a.mark === b.mark
      ? 0
      : a.mark.compareDocumentPosition(b.mark) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
}
