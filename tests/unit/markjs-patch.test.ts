/**
 * The build-time mark.js patch (scripts/markjs-patch.ts, ADR 005) applies to the installed
 * mark.js exactly, and refuses a source it does not recognise instead of shipping it unpatched.
 * (That the patched mark.js paints exactly what mark.js paints is checked in a browser:
 * tests/dom/markjs-patch.test.ts.)
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { markjsPatch, patchMarkjs } from '../../scripts/markjs-patch.ts';
import { bundleMarkjs } from '../support/markjs-bundle.ts';
import { ROOT } from '../support/paths.ts';

const MARKJS = path.join(ROOT, 'node_modules/mark.js/dist/mark.es6.js');

test('the installed mark.js is patched: a TreeWalker when iframes are off, one step per node, a tag test', async () => {
  const source = await readFile(MARKJS, 'utf8');
  const patched = patchMarkjs(source);
  assert.match(
    patched,
    /if \(!this\.iframes\) return document\.createTreeWalker\(ctx, whatToShow, filter\);/,
  );
  assert.match(patched, /if \(!this\.iframes\) return \{ prevNode: null, node: itr\.nextNode\(\) \};/);
  assert.match(patched, /MARKJS_BUILT_IN_EXCLUDES\.has\(el\.localName\)/);
  // mark.js's own paths stay for the options crossread does not use.
  assert.match(patched, /return document\.createNodeIterator\(ctx, whatToShow, filter, false\);/);
  assert.match(patched, /return DOMIterator\.matches\(el, this\.opt\.exclude\.concat\(\[/);
  assert.ok(patched.length > source.length);
});

test('a mark.js source the patch does not recognise fails loudly (a changed version), as does a repeated one', async () => {
  const source = await readFile(MARKJS, 'utf8');
  const changed = source.replace('  getIteratorNode(itr) {', '  getIteratorNode(iterator) {');
  assert.throws(
    () => patchMarkjs(changed),
    /mark\.js patch \(one step per node.*not in mark\.es6\.js exactly once/,
  );
  assert.throws(() => patchMarkjs(`${source}\n${source}`), /exactly once/);
  assert.throws(() => patchMarkjs(''), /mark\.js patch/);
});

test('the plugin bundles the patched mark.js wherever mark.es6.js is imported', async () => {
  const plain = await bundleMarkjs('M', []);
  const patched = await bundleMarkjs('M', [markjsPatch()]);
  assert.doesNotMatch(plain, /createTreeWalker/);
  assert.match(patched, /createTreeWalker/);
});
