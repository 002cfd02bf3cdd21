/**
 * A tiny element builder. Text only ever goes in through textContent (corpus and page
 * text never reach innerHTML), so a sentence that looks like markup is shown as typed.
 */

type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes (false/null/undefined are skipped) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children; strings become text nodes. */
export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A `<button type=button>` that runs `onClick`. */
export function button(attrs: Attrs, onClick: (event: MouseEvent) => void, ...children: Child[]) {
  const el = h('button', { type: 'button', ...attrs }, ...children);
  el.addEventListener('click', onClick);
  return el;
}
