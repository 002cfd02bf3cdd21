/**
 * What crossread never reads nor paints (DESIGN.md, page contract): form fields, editable content,
 * code and styles, SVG, its own UI; plus page furniture inside the article root (navigation,
 * menus, footers, comments, cookie banners, share bars) where the markup tells them apart.
 */

/** Never painted inside, whatever the page (the contract's list). */
const FORBIDDEN = new Set([
  'input',
  'textarea',
  'select',
  'script',
  'style',
  'noscript',
  'svg',
  'math',
  'template',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'button',
  'option',
  'head',
  'title',
  'code',
  'kbd',
  'samp',
]);

/** Furniture by tag. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'dialog']);

/** Furniture by ARIA role. */
const FURNITURE_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'toolbar',
  'tablist',
  'button',
]);

/** Furniture by class or id words. */
const FURNITURE_NAMES =
  /(?:^|[\s_-])(?:nav|navbar|menu|footer|comments?|cookies?|consent|gdpr|share|sharing|social|related|newsletter|promo|sidebar|breadcrumbs?|advert|ads|paywall|subscribe)(?:$|[\s_-])/i;

/**
 * True when an element is the root of editable content (`contenteditable` other than "false").
 * By attribute, not `isContentEditable`: that property forces a style recalculation, and after
 * each painted mark it would cost a restyle of the page (measured: 130 ms slices on 5 MB).
 * Descendants are covered because the walk rejects the whole subtree and the painter's filter
 * checks every ancestor.
 */
export function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** True for an element whose whole subtree crossread must leave alone (contract list + own UI). */
export function isForbidden(el: Element): boolean {
  return FORBIDDEN.has(el.localName) || el.hasAttribute('data-crossread-ui') || isEditable(el);
}

/** True for navigation, menus, footers, comments and banners: not part of the article's text. */
export function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  if (el.localName === 'header' && !el.closest('article')) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const cls = typeof el.className === 'string' ? el.className : '';
  if (!el.id && !cls) return false;
  if (!FURNITURE_NAMES.test(`${el.id} ${cls}`)) return false;
  // Class words are only a hint ("share-enabled article-body"): a block holding long paragraphs is prose.
  for (const p of el.querySelectorAll('p')) if ((p.textContent ?? '').length >= 200) return false;
  return true;
}

/** True when a node sits inside something crossread never paints (checked against the ancestors). */
export function insideForbidden(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isForbidden(el)) return true;
  return false;
}
