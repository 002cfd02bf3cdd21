/** Where focus is, as a selector that survives re-rendering (to restore it on Back or a repaint). */

/** A selector for an element that survives re-rendering: its id or data key, or its holder's. */
function keyOf(el: Element): string | null {
  if (el.id) return `#${CSS.escape(el.id)}`;
  for (const attr of ['data-fact', 'data-name', 'data-source']) {
    const v = el.getAttribute(attr);
    if (v) return `[${attr}="${CSS.escape(v)}"]`;
  }
  return null;
}

export function focusKey(): string | null {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const own = keyOf(el);
  if (own) return own;
  const holder = el.parentElement?.closest('[id], [data-fact], [data-name], [data-source]');
  const held = holder ? keyOf(holder) : null;
  if (!held || !el.classList.length) return null;
  return `${held} ${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${CSS.escape(c)}`).join('')}`;
}
