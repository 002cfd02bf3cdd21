/**
 * Reads the article's text once (CONVENTIONS.md 6), as segments: runs of consecutive text nodes
 * under the same block element, with each node's offset, so core offsets map back to nodes. A
 * segment never crosses a block boundary or a <br> (PERF-NOTES: joining "…Norway" + "Denmark…"
 * across blocks would invent words). The walk is resumable, so a huge page is read in slices.
 */
import { isForbidden, isFurniture } from './skip-rules.ts';

/** One text node of a segment and where its text starts in the segment. */
export interface SegmentNode {
  node: Text;
  start: number;
}

/** Consecutive text of one block. */
export interface Segment {
  block: Element;
  text: string;
  nodes: SegmentNode[];
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'details',
  'summary',
  'body',
  'center',
  'fieldset',
  'hr',
]);

const INLINE = new Set([
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'span',
  'small',
  'sup',
  'sub',
  'abbr',
  'cite',
  'q',
  'time',
  'mark',
  'font',
  'br',
  'wbr',
]);

/** A long segment is cut at a node boundary so one match call stays small (50 ms task budget). */
const MAX_SEGMENT = 20000;

function blockOf(node: Node, stop: Element): Element {
  for (let el = node.parentElement; el; el = el.parentElement)
    if (BLOCKS.has(el.localName) || el === stop) return el;
  return stop;
}

/** A resumable walk over `root`'s readable text. */
export class SegmentWalker {
  private readonly walker: TreeWalker;
  private current: Segment | null = null;
  private lastParent: Node | null = null;
  private lastBlock: Element | null = null;
  private lastSkipped = false;
  /** Element → whether its subtree is skipped (forbidden or furniture), filled on the way. */
  private readonly skipped = new Map<Element, boolean>();
  done = false;

  constructor(private readonly root: Element) {
    // Text nodes only and no JS filter: the native walk is the fast part (PERF-NOTES lower
    // bound); a JS acceptNode per element and text node cost 10× that on a 5 MB page. What to
    // skip is decided per parent element instead, with a cache, so most text pays one Map lookup.
    this.walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.skipped.set(root, false);
  }

  /** Whether `el` or an ancestor below the root is forbidden or furniture. */
  private skip(el: Element | null): boolean {
    const chain: Element[] = [];
    let verdict = false;
    for (let e = el; e; e = e.parentElement) {
      const known = this.skipped.get(e);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(e);
      if (isForbidden(e) || (!INLINE.has(e.localName) && isFurniture(e))) {
        verdict = true;
        break;
      }
      if (e === this.root) break;
    }
    // Everything between the verdict and `el` shares it (a skipped ancestor skips them all).
    if (this.skipped.size > 20000) this.skipped.clear();
    for (const e of chain) this.skipped.set(e, verdict);
    return verdict;
  }

  /** The node the walk stands on: blocks that do not contain it are finished. */
  get position(): Node {
    return this.walker.currentNode;
  }

  private flush(out: Segment[]): void {
    if (this.current) out.push(this.current);
    this.current = null;
  }

  /** Reads up to `maxNodes` nodes; returns the segments completed meanwhile (the last one at the end). */
  next(maxNodes: number): Segment[] {
    const out: Segment[] = [];
    let n = 0;
    while (n < maxNodes) {
      const node = this.walker.nextNode() as Text | null;
      if (!node) {
        this.done = true;
        this.flush(out);
        break;
      }
      n++;
      const parent = node.parentNode;
      let block: Element;
      if (parent === this.lastParent) {
        if (this.lastSkipped) continue;
        block = this.lastBlock as Element;
      } else {
        this.lastParent = parent;
        this.lastSkipped = this.skip(node.parentElement);
        if (this.lastSkipped) {
          this.lastBlock = null;
          continue;
        }
        block = blockOf(node, this.root);
        this.lastBlock = block;
      }
      // A <br> or <hr> just before this text ends the segment: "…Norway<br>Denmark…" are two lines.
      const before = node.previousSibling as Element | null;
      const broken =
        before !== null && before.nodeType === 1 && (before.localName === 'br' || before.localName === 'hr');
      const cur = this.current;
      if (cur && (broken || cur.block !== block || cur.text.length > MAX_SEGMENT)) this.flush(out);
      if (!this.current) this.current = { block, text: '', nodes: [] };
      this.current.nodes.push({ node, start: this.current.text.length });
      this.current.text += node.data;
    }
    return out;
  }
}

/** The (node, offset) a segment offset falls in; `end` picks the node a range ends in. */
export function locate(segment: Segment, offset: number, end = false): { node: Text; offset: number } {
  const nodes = segment.nodes;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = (nodes[mid] as SegmentNode).start;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const hit = nodes[lo] as SegmentNode;
  return { node: hit.node, offset: offset - hit.start };
}
