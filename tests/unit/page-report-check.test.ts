/**
 * The shape check on the page report the background keeps for the popup (`content/state`): a
 * good report passes as it is, anything the popup would trip over is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageReport } from '../../src/messaging/content-protocol.ts';
import { asPageReport } from '../../src/messaging/page-report-check.ts';

const good: PageReport = {
  state: 'ready',
  url: 'https://news.example/story',
  names: [{ id: 'e1', count: 3 }],
  claims: [{ ids: ['f1', 'f2'], status: 'conflict', text: 'More than 15,000 people have died.' }],
};

test('a well-formed report passes unchanged', () => {
  assert.equal(asPageReport(good), good);
  assert.deepEqual(
    asPageReport({ ...good, state: 'not-article', names: [], claims: [] })?.state,
    'not-article',
  );
});

test('malformed reports are refused', () => {
  const bad: unknown[] = [
    null,
    'ready',
    { ...good, state: 'painted' },
    { ...good, url: 42 },
    { ...good, url: 'x'.repeat(9000) },
    { ...good, names: 'e1' },
    { ...good, names: [{ id: '', count: 1 }] },
    { ...good, names: [{ id: 'e1' }] },
    { ...good, claims: [{ ids: 'f1', status: 'conflict', text: '' }] },
    { ...good, claims: [{ ids: ['f1'], status: 'disputed', text: '' }] },
    { ...good, claims: [{ ids: ['f1'], status: 'single' }] },
    { ...good, claims: [{ ids: ['x'.repeat(201)], status: 'single', text: '' }] },
    { ...good, names: Array.from({ length: 5001 }, (_, i) => ({ id: `e${i}`, count: 1 })) },
  ];
  for (const value of bad) assert.equal(asPageReport(value), null, JSON.stringify(value)?.slice(0, 80));
});
