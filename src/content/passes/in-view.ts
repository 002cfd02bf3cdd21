/**
 * Which claim the reader is looking at, for a side panel that follows the page: once a panel
 * asks, the claim marks are watched with an IntersectionObserver (no scroll handler, no layout
 * read per scroll), and the facts of the topmost claim in view are sent when they change.
 */
export class InView {
  private observer: IntersectionObserver | null = null;
  private readonly shown = new Map<Element, string[]>();
  private ids = new Map<Element, string[]>();
  private last = '';
  private timer = 0;
  /** Until then the claim crossread scrolled to stands, whatever else the scroll brings in view. */
  private pinned = 0;

  constructor(private readonly send: (ids: string[]) => void) {}

  get on(): boolean {
    return this.observer !== null;
  }

  /** Watches these claim marks (again after each scan: new marks join). */
  follow(claims: { mark: HTMLElement; ids: string[] }[]): void {
    this.observer ??= new IntersectionObserver((entries) => {
      for (const e of entries)
        if (e.isIntersecting) this.shown.set(e.target, this.ids.get(e.target) ?? []);
        else this.shown.delete(e.target);
      clearTimeout(this.timer);
      // Scrolling fires many changes: the panel hears where the scroll settled.
      this.timer = setTimeout(() => this.report(), 120) as unknown as number;
    });
    this.ids = new Map(claims.map((c) => [c.mark, c.ids]));
    for (const c of claims) this.observer.observe(c.mark);
  }

  /** The claim crossread itself went to (a jump, a tick, the panel's choice) is the one in view. */
  pin(ids: string[]): void {
    if (!this.on) return;
    this.pinned = performance.now() + 1000;
    this.last = ids.join(' ');
    this.send(ids);
  }

  private report(): void {
    if (performance.now() < this.pinned) return;
    let top: Element | null = null;
    for (const el of this.shown.keys())
      if (!top || top.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) top = el;
    const ids = top ? (this.shown.get(top) ?? []) : [];
    const key = ids.join(' ');
    if (key === this.last) return;
    this.last = key;
    this.send(ids);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.shown.clear();
    clearTimeout(this.timer);
  }
}
