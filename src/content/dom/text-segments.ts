/**
 * Reads the article's text once (CONVENTIONS.md 6), as segments: runs of consecutive text nodes
 * under the same block element, with each node's offset, so core offsets map back to nodes. A
 * segment never crosses a block boundary or a <br> (PERF-NOTES: joining "…Syria" + "Iraq…"
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
  done = false;

  constructor(private readonly root: Element) {
    const doc = root.ownerDocument;
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (isForbidden(el)) return NodeFilter.FILTER_REJECT;
        // Inline elements are never furniture: skip the class/role checks on the most common nodes.
        if (el !== root && !INLINE.has(el.localName) && isFurniture(el)) return NodeFilter.FILTER_REJECT;
        // Elements are visited only to notice <br> and blocks; their children are still walked.
        return el.localName === 'br' || el.localName === 'hr'
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP;
      },
    });
  }

  /** The node the walk stands on: blocks that do not contain it are finished. */
  get position(): Node {
    return this.walker.currentNode;
  }

  /** Reads up to `maxNodes` nodes; returns the segments completed meanwhile (the last one at the end). */
  next(maxNodes: number): Segment[] {
    const out: Segment[] = [];
    let n = 0;
    while (n < maxNodes) {
      const node = this.walker.nextNode();
      if (!node) {
        this.done = true;
        if (this.current) out.push(this.current);
        this.current = null;
        break;
      }
      n++;
      if (node.nodeType !== 3) {
        if (this.current) out.push(this.current);
        this.current = null;
        continue;
      }
      const text = node as Text;
      let block: Element;
      if (text.parentNode === this.lastParent && this.lastBlock) block = this.lastBlock;
      else {
        block = blockOf(text, this.root);
        this.lastParent = text.parentNode;
        this.lastBlock = block;
      }
      const cur = this.current;
      if (cur && (cur.block !== block || cur.text.length > MAX_SEGMENT)) {
        out.push(cur);
        this.current = null;
      }
      if (!this.current) this.current = { block, text: '', nodes: [] };
      this.current.nodes.push({ node: text, start: this.current.text.length });
      this.current.text += text.data;
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
