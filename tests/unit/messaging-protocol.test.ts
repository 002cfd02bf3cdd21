/**
 * Meta-test (CONVENTIONS.md 13): every message declared in the protocol has exactly one handler,
 * and no handler answers a message the protocol does not declare. Read as text, because the
 * handler modules import webextension-polyfill, which only loads inside an extension.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/paths.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** The message types declared in one `export type NAME = { … };` block. */
function declared(file: string, typeName: string): string[] {
  const source = read(file);
  const start = source.indexOf(`export type ${typeName} = {`);
  assert.ok(start >= 0, `${file} declares ${typeName}`);
  const body = source.slice(start, source.indexOf('\n};', start));
  return [...body.matchAll(/^\s+'([a-z]+\/[A-Za-z]+)':/gm)].map((m) => m[1] as string);
}

/** The message types a handler file answers (`async 'type'(` or `'type': `). */
function handled(file: string): string[] {
  return [...read(file).matchAll(/^\s+(?:async\s+)?'([a-z]+\/[A-Za-z]+)'\s*[(:]/gm)].map(
    (m) => m[1] as string,
  );
}

function assertOneHandlerEach(types: string[], handlerFiles: string[]) {
  const answered = handlerFiles.flatMap(handled);
  for (const type of types) {
    assert.equal(answered.filter((t) => t === type).length, 1, `${type} has exactly one handler`);
  }
  assert.deepEqual(
    answered.filter((t) => !types.includes(t)),
    [],
    'handlers answer only declared messages',
  );
}

test('every message to the background has exactly one handler', () => {
  const types = [
    ...declared('src/messaging/content-protocol.ts', 'ContentToBackground'),
    ...declared('src/messaging/popup-protocol.ts', 'PopupToBackground'),
  ];
  assert.ok(types.length >= 4);
  assertOneHandlerEach(types, ['src/background/handlers-content.ts', 'src/background/handlers-popup.ts']);
});

test('background message types are namespaced by sender, as the accept rules expect', () => {
  for (const t of declared('src/messaging/content-protocol.ts', 'ContentToBackground'))
    assert.match(t, /^content\//);
  for (const t of declared('src/messaging/popup-protocol.ts', 'PopupToBackground'))
    assert.match(t, /^popup\//);
  for (const t of [
    ...declared('src/messaging/content-protocol.ts', 'BackgroundToContent'),
    ...declared('src/messaging/content-protocol.ts', 'PopupToContent'),
  ]) {
    assert.match(t, /^page\//);
  }
});

test('the scanner itself finds handlers in both styles', () => {
  const sample = "  async 'a/b'() {},\n  'c/d': async () => 1,\n";
  assert.deepEqual(
    [...sample.matchAll(/^\s+(?:async\s+)?'([a-z]+\/[A-Za-z]+)'\s*[(:]/gm)].map((m) => m[1]),
    ['a/b', 'c/d'],
  );
});
