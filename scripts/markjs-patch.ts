/**
 * An esbuild plugin that bundles mark.js (8.11.1, its last release) with its text-node walk made
 * cheap, and nothing else changed (ADR 005):
 *
 *   - every `markRanges` call walked its context with a NodeIterator. NodeIterators are live:
 *     the document updates each one on every node removal until it is garbage-collected, and
 *     each wrapped range removes a node. Painting 5,213 marks on the 5 MB page, the iterators of
 *     the calls before made mark.js 339–373 ms of a 400–443 ms paint. A TreeWalker is not live;
 *   - mark.js read each text node three times (previousNode, then nextNode twice) to find
 *     iframes; with `iframes: false` (crossread's setting) it needs one nextNode;
 *   - with no `exclude` (crossread's setting), five `Element.matches()` calls per visited node
 *     become one tag-name test for the same five tags.
 *
 * With `iframes` or `exclude` set, mark.js runs its own code. Each replacement must find the
 * exact source it replaces, so another mark.js version fails the build instead of shipping
 * unpatched or half-patched code.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

interface Replacement {
  why: string;
  from: string;
  to: string;
}

const REPLACEMENTS: Replacement[] = [
  {
    why: 'a TreeWalker, not a live NodeIterator, when iframes are off',
    from: `  createIterator(ctx, whatToShow, filter) {
    return document.createNodeIterator(ctx, whatToShow, filter, false);`,
    to: `  createIterator(ctx, whatToShow, filter) {
    if (!this.iframes) return document.createTreeWalker(ctx, whatToShow, filter);
    return document.createNodeIterator(ctx, whatToShow, filter, false);`,
  },
  {
    why: 'one step per node when iframes are off (the previous node only locates iframes)',
    from: `  getIteratorNode(itr) {
    const prevNode = itr.previousNode();`,
    to: `  getIteratorNode(itr) {
    if (!this.iframes) return { prevNode: null, node: itr.nextNode() };
    const prevNode = itr.previousNode();`,
  },
  {
    why: 'a tag-name test for the built-in exclusions when no exclude selectors are given',
    from: `  matchesExclude(el) {
    return DOMIterator.matches(el, this.opt.exclude.concat([`,
    to: `  matchesExclude(el) {
    if (!this.opt.exclude.length)
      return !!el && el.nodeType === 1 && MARKJS_BUILT_IN_EXCLUDES.has(el.localName);
    return DOMIterator.matches(el, this.opt.exclude.concat([`,
  },
  {
    why: 'the built-in exclusions as a set (the same five tags mark.js lists)',
    from: `class DOMIterator {`,
    to: `const MARKJS_BUILT_IN_EXCLUDES = new Set(['script', 'style', 'title', 'head', 'html']);

class DOMIterator {`,
  },
];

/** mark.js's ES2015 source with the replacements applied; throws if any source is not found once. */
export function patchMarkjs(source: string): string {
  let out = source;
  for (const r of REPLACEMENTS) {
    const at = out.indexOf(r.from);
    if (at < 0 || out.indexOf(r.from, at + 1) >= 0)
      throw new Error(
        `mark.js patch (${r.why}): the code it replaces is not in mark.es6.js exactly once; mark.js changed, see docs/adr/005-markjs-tree-walker.md`,
      );
    out = out.slice(0, at) + r.to + out.slice(at + r.from.length);
  }
  return out;
}

/** Bundles the patched mark.js wherever `mark.js/dist/mark.es6.js` is imported. */
export function markjsPatch(): Plugin {
  return {
    name: 'crossread-markjs-patch',
    setup(build) {
      build.onLoad({ filter: /[\\/]mark\.js[\\/]dist[\\/]mark\.es6\.js$/ }, async (args) => ({
        contents: patchMarkjs(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    },
  };
}
