/**
 * Paints highlights with mark.js, one block element at a time, each range handed to
 * `markRanges` inside the smallest element that holds it, so mark.js's per-range cost stays local
 * (PERF-NOTES: `markRanges` over a whole body is quadratic; over a few text nodes it is cheap).
 * Claims first, then names, so name marks sit inside claim marks. Unmarking unwraps every
 * crossread mark and merges the split text nodes again, which restores the page's markup exactly.
 */
import Mark from 'mark.js/dist/mark.es6.js';
import { insideForbidden, isForbidden } from './skip-rules.ts';

/** One highlight to paint, anchored to text nodes. */
export interface Highlight {
  kind: 'name' | 'claim';
  ids: string[];
  status?: string;
  /** The highlighted text as read (for the popup's report). */
  text: string;
  start: { node: Text; offset: number };
  end: { node: Text; offset: number };
}

/** Called with the first mark element of each highlight (to make it focusable and describe it). */
export type OnFirstMark = (mark: HTMLElement, highlight: Highlight) => void;

export const MARK_SELECTOR = 'mark[data-crossread-kind]';

/** Tags mark.js itself never enters (Mark#matchesExclude): our offsets must skip the same nodes. */
const MARKJS_SKIPS = new Set(['script', 'style', 'title', 'head', 'html']);

/** Offsets of every text node of `block`, counted exactly as mark.js counts them. */
function textOffsets(block: Element): Map<Text, number> {
  const map = new Map<Text, number>();
  // A TreeWalker, not a NodeIterator: live NodeIterators are updated on every DOM removal until
  // collected, and painting removes (splits) many nodes.
  const it = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = it.nextNode(); n; n = it.nextNode()) {
    const parent = n.parentNode as Element | null;
    if (parent && MARKJS_SKIPS.has(parent.localName)) continue;
    map.set(n as Text, total);
    total += (n as Text).data.length;
  }
  return map;
}

/** mark.js logs `JSON.stringify(ranges)` on every call: the highlight rides under a symbol it skips. */
const HIGHLIGHT = Symbol('highlight');

interface RangeItem {
  start: number;
  length: number;
  [HIGHLIGHT]: Highlight;
  painted?: boolean;
}

/** Paints `highlights` (all inside `block`): claims, then names. Returns marks made. */
export function paintBlock(block: Element, highlights: Highlight[], onFirst: OnFirstMark): number {
  const offsets = textOffsets(block);
  const byKind: Record<'claim' | 'name', RangeItem[]> = { claim: [], name: [] };
  for (const h of highlights) {
    const a = offsets.get(h.start.node);
    const b = offsets.get(h.end.node);
    if (a === undefined || b === undefined) continue;
    const start = a + h.start.offset;
    const length = b + h.end.offset - start;
    if (length > 0) byKind[h.kind].push({ start, length, [HIGHLIGHT]: h });
  }
  const counter = { count: 0 };
  const claims = disjoint(byKind.claim);
  const names = disjoint(byKind.name);
  if (claims.length) paintInSmallest(block, claims, offsets, onFirst, counter);
  // Text offsets are the same after wrapping; only the nodes were split, so they are read again.
  if (names.length)
    paintInSmallest(block, names, claims.length ? textOffsets(block) : offsets, onFirst, counter);
  return counter.count;
}

/**
 * Hands mark.js each range inside the smallest element that holds it (a link, an emphasis, the
 * claim mark a name sits in, else the block), so each call walks a few text nodes, not the block.
 */
function paintInSmallest(
  block: Element,
  ranges: RangeItem[],
  offsets: Map<Text, number>,
  onFirst: OnFirstMark,
  counter: { count: number },
): void {
  const nodes = [...offsets];
  const groups = new Map<Element, RangeItem[]>();
  for (const r of ranges) {
    const first = nodeAt(nodes, r.start);
    const last = nodeAt(nodes, r.start + r.length - 1);
    if (!first || !last) continue;
    const ctx = commonElement(first[0], last[0], block);
    const base = firstOffset(ctx, offsets);
    if (base === undefined) continue;
    const list = groups.get(ctx) ?? [];
    list.push({ start: r.start - base, length: r.length, [HIGHLIGHT]: r[HIGHLIGHT] });
    groups.set(ctx, list);
  }
  for (const [ctx, list] of groups) {
    // The walk skipped forbidden subtrees when it read the text; the page may have changed since.
    if (isForbidden(ctx) || insideForbidden(ctx)) continue;
    mark(ctx, list, onFirst, counter);
  }
}

/** Ranges sorted and strictly disjoint (mark.js drops only some overlaps). */
function disjoint(ranges: RangeItem[]): RangeItem[] {
  const out: RangeItem[] = [];
  let last = -1;
  for (const r of ranges.sort((x, y) => x.start - y.start))
    if (r.start >= last) {
      out.push(r);
      last = r.start + r.length;
    }
  return out;
}

/** The text node (with its block offset) that holds character `at`. */
function nodeAt(nodes: [Text, number][], at: number): [Text, number] | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  let hit: [Text, number] | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid] as [Text, number];
    if (n[1] <= at) {
      if (at < n[1] + n[0].data.length) hit = n;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (hit) return hit;
  // Empty text nodes share offsets with their neighbours: fall back to a scan.
  return nodes.find(([node, start]) => start <= at && at < start + node.data.length);
}

/** The smallest element holding both nodes, never above `block`. */
function commonElement(a: Node, b: Node, block: Element): Element {
  let el = a.parentElement ?? block;
  while (el !== block && !el.contains(b)) el = el.parentElement ?? block;
  return el;
}

/** Block offset of the first text node mark.js counts inside `ctx`. */
function firstOffset(ctx: Element, offsets: Map<Text, number>): number | undefined {
  const it = ctx.ownerDocument.createTreeWalker(ctx, NodeFilter.SHOW_TEXT);
  for (let n = it.nextNode(); n; n = it.nextNode()) {
    const parent = n.parentNode as Element | null;
    if (parent && MARKJS_SKIPS.has(parent.localName)) continue;
    return offsets.get(n as Text);
  }
  return undefined;
}

/** True when an element between `node` and `ctx` (excluded) is one crossread never paints inside. */
function forbiddenBelow(node: Node, ctx: Element): boolean {
  for (let el = node.parentElement; el && el !== ctx; el = el.parentElement) if (isForbidden(el)) return true;
  return false;
}

function mark(ctx: Element, ranges: RangeItem[], onFirst: OnFirstMark, counter: { count: number }): void {
  new Mark(ctx as HTMLElement).markRanges(ranges, {
    element: 'mark',
    className: 'crossread-mark',
    exclude: [],
    filter: (node: Text) => !forbiddenBelow(node, ctx),
    each: (el: Element, range: RangeItem) => {
      const h = range[HIGHLIGHT];
      el.setAttribute('data-crossread-kind', h.kind);
      el.setAttribute('data-crossread-id', h.ids.join(' '));
      if (h.status) el.setAttribute('data-crossread-status', h.status);
      counter.count++;
      if (!range.painted) {
        range.painted = true;
        onFirst(el as HTMLElement, h);
      }
    },
  } as unknown as Mark.MarkRangesOptions);
}

/** Removes every crossread mark below `root` (ours or left in a saved page) and merges text again. */
export function unmarkAll(root: ParentNode): number {
  const marks = [...root.querySelectorAll(MARK_SELECTOR)];
  const parents = new Set<Node>();
  // Innermost first: a name mark inside a claim mark is unwrapped before its container.
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i] as Element;
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) if (p.isConnected || p.parentNode) p.normalize();
  return marks.length;
}
