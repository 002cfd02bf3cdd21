import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from '../../src/core/text/furniture.ts';

const page = [
  'Skip to main content',
  'Harbour Gazette',
  'Ferry Company Cancels Winter Routes',
  'Ferry Company Cancels Winter Routes',
  'Online view pixel',
  'Watch ferry captain explain the cuts',
  '01:12 - Source: Harbour TV',
  'NEW: Three routes cut from December, union says',
  'The captain is seen here in this file photo taken March 3, 2009.',
  'NORDPRESS/Jane Roe/Files (FERRY - Tags: TRANSPORT) Image Credit: NORDPRESS',
  'The ferry company said on Monday it would cancel three winter routes.',
  'Photos: Storm hits the coast',
  'Story continues below advertisement',
  'Union leaders said the cuts would cost 40 jobs.',
  'Mayor warns of isolation for island towns',
  'Harbour Gazette’s Ann Lee and Bo Park contributed to this report.',
  'As of January 5, 2020, we have temporarily removed commenting from our articles.',
  'Agencies',
].join('\n\n');

test('furniture is dropped by general rules; bullets and captions are kept', () => {
  const clean = cleanArticle(page);
  assert.deepEqual(clean.text.split('\n\n'), [
    'NEW: Three routes cut from December, union says',
    'The captain is seen here in this file photo taken March 3, 2009.',
    'The ferry company said on Monday it would cancel three winter routes.',
    'Union leaders said the cuts would cost 40 jobs.',
  ]);
  assert.deepEqual(
    clean.paragraphs.map((p) => p.caption),
    [false, true, false, false],
  );
  for (const p of clean.paragraphs) assert.ok(clean.text.slice(p.start, p.end).length > 0);
  const why = new Map<string, string>();
  for (const d of clean.dropped) if (!why.has(d.text.slice(0, 12))) why.set(d.text.slice(0, 12), d.why);
  assert.equal(why.get('Ferry Compan'), 'headline');
  assert.equal(why.get('Agencies'), 'byline');
  assert.ok(clean.headlines.includes('Mayor warns of isolation for island towns'));
});

test('original characters are kept (no-break spaces, curly quotes)', () => {
  const text = 'He said \u201cno\u201d\u00a0to the plan on Monday, officials said.';
  assert.equal(cleanArticle(text).text, text);
});
