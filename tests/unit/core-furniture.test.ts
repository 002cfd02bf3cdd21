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

test('a caption that ends in its photo credit keeps the caption and drops the credit', () => {
  const raw = [
    'Jane Roe is seen here, in this file picture taken May 2, 2009. Jane Roe, the port authority chief, resigned on Monday, union sources said. WIRE/John Doe/Files (NORWAY - Tags: POLITICS) Image Credit: WIRE',
    '',
    'The port authority chief resigned on Monday.',
  ].join('\n');
  const clean = cleanArticle(raw);
  const first = clean.text.slice(clean.paragraphs[0]!.start, clean.paragraphs[0]!.end);
  assert.equal(first.endsWith('union sources said.'), true, first);
  assert.equal(clean.paragraphs[0]!.caption, true);
  assert.ok(!clean.text.includes('Image Credit'));
  assert.ok(clean.dropped.some((d) => d.why === 'photo credit' && d.text.startsWith('WIRE/John Doe')));
});

test('a bare credit line is still dropped whole', () => {
  const clean = cleanArticle(
    'WIRE/John Doe/Files (NORWAY - Tags: POLITICS)\n\nThe chief resigned on Monday.',
  );
  assert.equal(clean.paragraphs.length, 1);
});
