/**
 * What crossread adds to the page besides marks, all outside <body> (so the body's markup is only
 * ever changed by marks) and each root tagged `data-crossread-ui`: the highlight styles, and the
 * hidden descriptions marks point at with aria-describedby (screen readers hear what a highlight
 * means; <mark> itself announces where it starts and ends).
 */
import { t } from './i18n.ts';

/** Names subtle (dotted underline); claims by status with a distinct underline AND tint, never colour alone. */
const CSS = `
mark.crossread-mark{background:none;color:inherit;padding:0;border-radius:2px}
mark.crossread-mark[data-crossread-kind="name"]{border-bottom:1px dotted currentColor}
mark.crossread-mark[data-crossread-kind="claim"]{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}
mark.crossread-mark[data-crossread-status="corroborated"]{background:rgba(46,160,67,.16);text-decoration-style:solid;text-decoration-color:rgba(46,160,67,.95)}
mark.crossread-mark[data-crossread-status="single"]{background:rgba(120,120,140,.16);text-decoration-style:dashed;text-decoration-color:rgba(120,120,140,.95)}
mark.crossread-mark[data-crossread-status="conflict"]{background:rgba(230,90,20,.2);text-decoration-style:wavy;text-decoration-color:rgba(220,60,20,1)}
mark.crossread-mark[data-crossread-first][data-crossread-status="conflict"]::before{content:"\\26A0\\FE0E\\00A0";font-size:.85em}
mark.crossread-mark:focus-visible{outline:2px solid Highlight;outline-offset:1px}
@media (forced-colors:active){mark.crossread-mark{forced-color-adjust:none;border-bottom:1px solid CanvasText}}
`;

export const DESCRIPTION_IDS = {
  name: 'crossread-desc-name',
  conflict: 'crossread-desc-conflict',
  corroborated: 'crossread-desc-corroborated',
  single: 'crossread-desc-single',
} as const;

/** Adds the styles and descriptions once; returns a function that removes them. */
export function installPageUi(doc: Document): () => void {
  const style = doc.createElement('style');
  style.setAttribute('data-crossread-ui', '');
  style.textContent = CSS;
  const desc = doc.createElement('div');
  desc.setAttribute('data-crossread-ui', '');
  desc.hidden = true;
  const keys = {
    name: 'contentDescName',
    conflict: 'contentDescConflict',
    corroborated: 'contentDescCorroborated',
    single: 'contentDescSingle',
  } as const;
  for (const [k, id] of Object.entries(DESCRIPTION_IDS)) {
    const span = doc.createElement('span');
    span.id = id;
    span.textContent = t(keys[k as keyof typeof keys]);
    desc.append(span);
  }
  (doc.head ?? doc.documentElement).append(style);
  doc.documentElement.append(desc);
  return () => {
    style.remove();
    desc.remove();
  };
}

/** Removes crossread UI left in a saved copy of a page (a "Save Page As" snapshot carries it). */
export function removeStaleUi(doc: Document): void {
  for (const el of doc.querySelectorAll('[data-crossread-ui]')) el.remove();
}
