/**
 * The popup's lookup on the real seed corpus (indexed here from seeds/ by the indexer, as the
 * build does): spellings the seeds never print find the names they do print.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { type LookupTable, leftOut, lookup, prepareLookup } from '../../src/core/index/query.ts';
import { factRows } from '../../src/core/index/query-fact-rows.ts';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { ROOT } from '../support/paths.ts';

let index: CorpusIndex;
let table: LookupTable;

before(async () => {
  index = (await indexFolder(path.join(ROOT, 'seeds'))).index;
  table = prepareLookup(index);
});

const firstName = (q: string) => lookup(table, q).entities[0]?.name ?? '';

test('spellings no seed prints find the seed names', () => {
  assert.match(firstName('Tlass'), /^Manaf Tlas$/);
  assert.match(firstName('Mohammed Sermini'), /^Moham+[ae]d Sermini$/);
  assert.match(firstName('Nawaf Faris'), /^Nawaf al-Fares$/i);
  assert.equal(lookup(table, 'Tlass').entities[0]?.approximate, true);
});

test('a phrase finds the facts that state it, in every source wording', () => {
  const facts = lookup(table, 'video statement on Facebook').facts;
  assert.ok(facts.length > 0);
  assert.ok(facts[0]!.label.toLowerCase().includes('facebook') || facts[0]!.outlets.length > 1);
});

test('every conflict card bolds at least one differing value', () => {
  for (const fact of index.facts.filter((f) => f.status === 'conflict' && f.differences.length)) {
    const bold = factRows(index, fact).flatMap((r) => r.segments.filter((s) => s.bold));
    assert.ok(bold.length > 0, `${fact.id} ${fact.label}`);
  }
});

test('"leaves out" on an empty page is every fact two or more sources report', () => {
  const multi = index.facts.filter((f) => new Set(f.members.map((m) => m.source)).size >= 2).length;
  assert.equal(leftOut(index, []).length, multi);
});
