/**
 * The conflict minimap: a thin bar at the right edge of the window with one tick per claim mark,
 * placed where the claim sits in the page and coloured by its status; a tick is a button that
 * goes to its claim. It lives in a shadow root on a `data-crossread-ui` host outside <body>, fixed
 * in place, so the page's layout never moves and page CSS cannot reach it. A page with no claim
 * gets no bar.
 */
import { t } from '../dom/i18n.ts';

const CSS =
  ':host{all:initial}nav{position:fixed;top:0;right:0;width:12px;height:100vh;z-index:2147483646}' +
  'button{all:unset;position:absolute;right:2px;width:8px;height:5px;border-radius:2px;cursor:pointer;background:#9a7b00}' +
  'button[data-s=conflict]{background:#c5221f}button[data-s=corroborated]{background:#188038}' +
  'button:hover,button:focus-visible{right:0;width:12px;height:9px;outline:2px solid Highlight}';

const STATUS: Record<string, string> = {
  conflict: 'contentStatusConflict',
  corroborated: 'contentStatusCorroborated',
  single: 'contentStatusSingle',
};

export class Minimap {
  private host: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly go: (mark: HTMLElement) => void,
  ) {}

  /** Draws one tick per claim (in document order); none: the bar goes. Reads layout once, writes after. */
  draw(claims: { mark: HTMLElement; status?: string }[]): void {
    if (!claims.length) {
      this.remove();
      return;
    }
    const doc = this.doc;
    const height = Math.max(doc.documentElement.scrollHeight, 1);
    const tops = claims.map((c) => c.mark.getBoundingClientRect().top + scrollY);
    if (!this.host?.isConnected) {
      this.host = doc.createElement('div');
      this.host.setAttribute('data-crossread-ui', 'minimap');
      const shadow = this.host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = CSS;
      const nav = doc.createElement('nav');
      nav.setAttribute('aria-label', t('contentMinimap'));
      shadow.append(style, nav);
      doc.documentElement.append(this.host);
    }
    const nav = this.host.shadowRoot?.querySelector('nav') as HTMLElement;
    nav.replaceChildren(
      ...claims.map((c, i) => {
        const b = doc.createElement('button');
        const status = c.status ?? 'single';
        b.dataset.s = status;
        b.style.top = `${Math.min(99, ((tops[i] as number) / height) * 100)}%`;
        b.setAttribute(
          'aria-label',
          t('contentMinimapTick', i + 1, claims.length, t(STATUS[status] as string)),
        );
        b.onclick = () => this.go(c.mark);
        return b;
      }),
    );
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
  }
}
