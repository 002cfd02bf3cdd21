/**
 * Follows the page (CONVENTIONS.md 5): ONE MutationObserver whose callback only queues
 * added nodes, debounced; crossread's own marks and UI are ignored (no loop), and the observer
 * disconnects after a quiet period (reconnected by the next scroll: infinite scroll starts there).
 */
import { MARK_SELECTOR } from './painter.ts';

const DEBOUNCE_MS = 200;
const QUIET_MS = 60000;

function ours(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.matches(MARK_SELECTOR) || !!el.closest(`${MARK_SELECTOR}, [data-crossread-ui]`));
}

export class MutationWatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private quiet: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  constructor(
    private readonly target: Node,
    private readonly onAdded: (nodes: Node[]) => void,
    private readonly signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.queue(records));
    signal.addEventListener('abort', () => this.disconnect(), { once: true });
  }

  connect(): void {
    if (this.connected || this.signal.aborted) return;
    this.observer.observe(this.target, { childList: true, subtree: true });
    this.connected = true;
    this.armQuiet();
  }

  disconnect(): void {
    this.observer.disconnect();
    this.connected = false;
    clearTimeout(this.timer);
    clearTimeout(this.quiet);
    this.pending.clear();
  }

  /**
   * Hands over what the page changed so far, then paints unobserved: while disconnected, the
   * browser makes no records of crossread's own splitting and wrapping at all (taking and dropping
   * them afterwards was a tenth of the content script's time on a news page).
   */
  flushBefore<T>(paint: () => T): T {
    this.queue(this.observer.takeRecords());
    if (!this.connected) return paint();
    this.observer.disconnect();
    try {
      return paint();
    } finally {
      this.observer.observe(this.target, { childList: true, subtree: true });
    }
  }

  private queue(records: MutationRecord[]): void {
    for (const r of records)
      for (const node of r.addedNodes) if (node.nodeType === 1 || node.nodeType === 3) this.pending.add(node);
    if (!this.pending.size) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.deliver(), DEBOUNCE_MS);
    this.armQuiet();
  }

  private deliver(): void {
    const nodes = [...this.pending].filter((n) => n.isConnected && !ours(n));
    this.pending.clear();
    if (nodes.length) this.onAdded(nodes);
  }

  private armQuiet(): void {
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => {
      this.observer.disconnect();
      this.connected = false;
      addEventListener('scroll', () => this.connect(), { once: true, passive: true, signal: this.signal });
    }, QUIET_MS);
  }
}
