/**
 * The hover and focus card, in a shadow root (open: tests read it; page CSS still cannot reach it) on a host tagged
 * `data-crossread-ui`, so page CSS cannot reach it. WCAG 1.4.13: it shows on hover AND focus,
 * stays while the pointer is over it, and Escape closes it. Corpus and page text are only ever
 * set with textContent (a hostile corpus or page cannot inject markup).
 */
import type { CardData, ClaimCard, NameCard } from '../../messaging/content-protocol.ts';
import { t } from '../dom/i18n.ts';
import { MARK_SELECTOR } from '../dom/painter.ts';

export interface CardSource {
  card(kind: 'name' | 'claim', ids: string[]): Promise<CardData | null>;
  open(kind: 'name' | 'claim', id: string): void;
}

const CARD_CSS = `
:host{all:initial}
.card{position:fixed;z-index:2147483647;max-width:min(26rem,92vw);max-height:60vh;overflow:auto;box-sizing:border-box;
 padding:.6rem .75rem;border-radius:8px;border:1px solid #8888;font:13px/1.4 system-ui,sans-serif;
 background:#fff;color:#1b1b1f;box-shadow:0 4px 18px #0004}
@media (prefers-color-scheme:dark){.card{background:#202124;color:#ececf0;border-color:#fff3}}
.card[hidden]{display:none}
h2{font-size:14px;margin:0 0 .25rem}
.meta{opacity:.8;margin:0 0 .4rem}
.status{font-weight:600}
.status[data-status="conflict"]::before{content:"\\26A0\\FE0E  "}
ul{margin:.2rem 0 .5rem;padding-left:1rem}
li{margin:.15rem 0}
.outlet{font-weight:600}
b{font-weight:700;text-decoration:underline}
button{font:inherit;margin-top:.25rem;padding:.2rem .6rem;border-radius:5px;border:1px solid currentColor;background:transparent;color:inherit;cursor:pointer}
button:focus-visible{outline:2px solid Highlight}
`;

const STATUS_KEYS: Record<string, string> = {
  conflict: 'contentStatusConflict',
  corroborated: 'contentStatusCorroborated',
  single: 'contentStatusSingle',
};
const TYPE_KEYS: Record<string, string> = {
  person: 'contentTypePerson',
  place: 'contentTypePlace',
  organization: 'contentTypeOrganization',
};

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

export class HoverCard {
  /** Built on the first show: a page whose marks are never hovered gets no card host at all. */
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private current: HTMLElement | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  constructor(
    private readonly doc: Document,
    private readonly source: CardSource,
    private readonly signal: AbortSignal,
  ) {
    const opts = { signal, capture: true };
    doc.addEventListener('mouseover', (e) => this.onOver(e), opts);
    doc.addEventListener('mouseout', (e) => this.onOut(e), opts);
    doc.addEventListener('focusin', (e) => this.onFocus(e), opts);
    doc.addEventListener('focusout', (e) => this.onBlur(e), opts);
    doc.addEventListener('keydown', (e) => this.onKey(e), opts);
    signal.addEventListener('abort', () => this.host?.remove(), { once: true });
  }

  /** The card's host and shadow root, made once, when a card is first shown. */
  private ensureCard(): HTMLElement {
    if (this.card) return this.card;
    const doc = this.doc;
    const host = doc.createElement('div');
    host.setAttribute('data-crossread-ui', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const card = el(doc, 'div');
    card.className = 'card';
    card.hidden = true;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-live', 'polite');
    shadow.append(style, card);
    doc.documentElement.append(host);
    host.addEventListener('mouseenter', () => clearTimeout(this.hideTimer), { signal: this.signal });
    host.addEventListener('mouseleave', () => this.scheduleHide(), { signal: this.signal });
    this.host = host;
    this.card = card;
    return card;
  }

  /** True while the card is shown (tests and the conflict shortcut read it). */
  get open(): boolean {
    return this.card !== null && !this.card.hidden;
  }

  private markOf(target: EventTarget | null): HTMLElement | null {
    const node = target as Element | null;
    return node?.closest ? (node.closest(MARK_SELECTOR) as HTMLElement | null) : null;
  }

  private onOver(e: Event): void {
    const mark = this.markOf(e.target);
    if (!mark) return;
    clearTimeout(this.hideTimer);
    if (mark === this.current && this.open) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => void this.show(mark), 120);
  }

  private onOut(e: Event): void {
    if (!this.markOf(e.target)) return;
    clearTimeout(this.showTimer);
    this.scheduleHide();
  }

  private onFocus(e: Event): void {
    const mark = this.markOf(e.target);
    if (mark) void this.show(mark);
  }

  private onBlur(e: FocusEvent): void {
    if (!this.markOf(e.target)) return;
    if (this.host && e.relatedTarget === this.host) return;
    this.scheduleHide();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      this.hide();
      e.stopPropagation();
    } else if ((e.key === 'Enter' || e.key === ' ') && this.markOf(e.target) && this.open) {
      // Enter on a highlight moves focus into the card, so its button is reachable.
      const button = this.card?.querySelector('button');
      if (button) {
        e.preventDefault();
        button.focus();
      }
    }
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), 400);
  }

  hide(): void {
    clearTimeout(this.hideTimer);
    if (this.card) this.card.hidden = true;
    this.current = null;
  }

  /** Shows the card for a highlight (the innermost mark under the pointer or focus). */
  async show(mark: HTMLElement): Promise<void> {
    clearTimeout(this.hideTimer);
    this.current = mark;
    const kind = mark.getAttribute('data-crossread-kind') === 'name' ? 'name' : 'claim';
    const ids = (mark.getAttribute('data-crossread-id') ?? '').split(' ').filter(Boolean).slice(0, 12);
    const ticket = ++this.request;
    this.render([el(this.doc, 'p', t('contentCardLoading'))]);
    this.place(mark);
    let data: CardData | null = null;
    try {
      data = await this.source.card(kind, ids);
    } catch {
      data = null;
    }
    if (ticket !== this.request || this.current !== mark) return;
    if (!data) this.render([el(this.doc, 'p', t('contentCardUnavailable'))]);
    else this.render(data.kind === 'name' ? this.nameCard(data) : this.claimCard(data, mark));
    this.place(mark);
  }

  private render(children: Node[]): void {
    const card = this.ensureCard();
    card.replaceChildren(...children);
    card.hidden = false;
  }

  private place(mark: HTMLElement): void {
    const r = mark.getBoundingClientRect();
    const w = this.doc.documentElement.clientWidth;
    const h = this.doc.documentElement.clientHeight;
    const left = Math.max(4, Math.min(r.left, w - Math.min(420, w * 0.92) - 4));
    const below = r.bottom + 6;
    const card = this.ensureCard();
    card.style.left = `${left}px`;
    if (below + 160 > h && r.top > h / 2) {
      card.style.top = '';
      card.style.bottom = `${h - r.top + 6}px`;
    } else {
      card.style.bottom = '';
      card.style.top = `${below}px`;
    }
  }

  private button(kind: 'name' | 'claim', id: string): HTMLButtonElement {
    const b = el(this.doc, 'button', t('contentCardOpen'));
    b.type = 'button';
    b.addEventListener('click', () => this.source.open(kind, id));
    return b;
  }

  private nameCard(data: NameCard): Node[] {
    const title = el(this.doc, 'h2', data.name);
    const meta = el(this.doc, 'p', t(TYPE_KEYS[data.type] ?? 'contentTypeOther'));
    meta.className = 'meta';
    const head = el(this.doc, 'p', t('contentSpellings'));
    const list = el(this.doc, 'ul');
    for (const s of data.spellings) {
      const li = el(this.doc, 'li');
      const spelling = el(this.doc, 'span', s.text);
      spelling.className = 'outlet';
      li.append(spelling, this.doc.createTextNode(` \u2014 ${s.outlets.join(', ')}`));
      list.append(li);
    }
    return [title, meta, head, list, this.button('name', data.id)];
  }

  private claimCard(data: ClaimCard, mark: HTMLElement): Node[] {
    const out: Node[] = [];
    const pageStatus = mark.getAttribute('data-crossread-status') ?? '';
    const status = el(this.doc, 'p', t(STATUS_KEYS[pageStatus] ?? 'contentStatusSingle'));
    status.className = 'status';
    status.dataset.status = pageStatus;
    out.push(status);
    for (const fact of data.facts) {
      out.push(el(this.doc, 'h2', fact.label));
      // Sources that print one wire story are one report: say so before their lines agree.
      if (fact.copies?.length && fact.sources && fact.reports) {
        const copies = fact.copies.map((c) =>
          t(
            'contentCopy',
            c.credit ? t('contentCopyOf', c.credit) : t('contentCopyShared'),
            c.outlets.join(', '),
          ),
        );
        const reports = t(
          fact.reports === 1 ? 'contentReports_one' : 'contentReports_other',
          fact.sources,
          fact.reports,
        );
        const meta = el(this.doc, 'p', `${reports} \u00b7 ${copies.join(' \u00b7 ')}`);
        meta.className = 'meta reports';
        out.push(meta);
      }
      if (fact.timeline?.steps.length) {
        const steps = fact.timeline.steps.map((st) => `${st.text} (${st.outlets.join(', ')}, ${st.time})`);
        const key = fact.timeline.kind === 'updated' ? 'contentTimelineUpdated' : 'contentTimeline';
        const line = el(this.doc, 'p', t(key, steps.join(' \u2192 ')));
        line.className = 'meta timeline';
        out.push(line);
      }
      const list = el(this.doc, 'ul');
      for (const line of fact.lines) {
        const li = el(this.doc, 'li');
        // Whom the source credits with it is part of who says it: "Outlet (per <who>): …".
        const outlet = el(
          this.doc,
          'span',
          line.attribution
            ? `${line.outlet} (${t('contentAttributedTo', line.attribution)}): `
            : `${line.outlet}: `,
        );
        outlet.className = 'outlet';
        li.append(outlet);
        let at = 0;
        for (const b of line.bold) {
          if (b.start < at) continue;
          li.append(
            this.doc.createTextNode(line.text.slice(at, b.start)),
            el(this.doc, 'b', line.text.slice(b.start, b.end)),
          );
          at = b.end;
        }
        li.append(this.doc.createTextNode(line.text.slice(at)));
        if (line.stance !== 'agrees')
          li.append(
            this.doc.createTextNode(
              ` (${t(line.stance === 'conflicts' ? 'contentStanceConflicts' : 'contentStancePartial')})`,
            ),
          );
        list.append(li);
      }
      out.push(list);
    }
    const first = data.facts[0];
    if (first) out.push(this.button('claim', first.id));
    return out;
  }
}
