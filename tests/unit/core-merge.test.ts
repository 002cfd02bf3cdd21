import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { mergeIndexes } from '../../src/core/index/merge.ts';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { validateIndex } from '../../src/core/index/validate.ts';
import { withoutSource } from '../../src/core/index/without-source.ts';
import { createPageMatcher, matchText } from '../../src/core/match/page-matcher.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { ROOT } from '../support/paths.ts';

const seeds = (await indexFolder(path.join(ROOT, 'seeds'))).index;
const harbour = (await indexFolder(path.join(ROOT, 'tests/fixtures/corpus-harbour'))).index;
const merged = mergeIndexes([
  { index: seeds, corpus: 'bundled' },
  { index: harbour, corpus: 'reader' },
]);

function linked(index: CorpusIndex, page: string): string[] {
  const found = matchText(createPageMatcher(index.matcher, index.facts), page);
  return found.claims.flatMap((c) => c.ids.map((id) => index.facts.find((f) => f.id === id)?.label ?? id));
}

test('a merged index validates, with positional ids and each source naming its corpus', () => {
  validateIndex(merged);
  assert.equal(merged.sources.length, seeds.sources.length + harbour.sources.length);
  assert.deepEqual(
    merged.sources.map((s) => s.id),
    merged.sources.map((_, i) => `s${i}`),
  );
  assert.equal(merged.facts.length, seeds.facts.length + harbour.facts.length);
  assert.equal(merged.sources[seeds.sources.length]?.corpus, 'reader');
  assert.equal(merged.sources[0]?.corpus, 'bundled');
  const offset = seeds.sources.length;
  const last = merged.facts.at(-1);
  assert.ok(
    last?.members.every((m) => Number(m.source.slice(1)) >= offset),
    'the reader corpus facts cite only reader sources',
  );
});

test('a page sentence links the same fact through the merged index as through its own corpus', () => {
  const dock = 'Dockers at the Port of Valmora walked out on Monday, demanding higher wages.';
  const own = linked(harbour, dock);
  assert.ok(own.length > 0, 'the harbour sentence links in its own corpus');
  assert.deepEqual(linked(merged, dock), own);
  const seedSentence = seeds.facts.find((f) => f.status === 'corroborated')?.label ?? '';
  assert.deepEqual(linked(merged, seedSentence), linked(seeds, seedSentence));
});

test('entity references in the matcher section follow their entities', () => {
  const byId = new Map(merged.entities.map((e) => [e.id, e]));
  for (const n of merged.matcher.names) assert.ok(byId.has(n.entity), `name pattern ${n.entity} resolves`);
  const harbourNames = harbour.matcher.names.map(
    (n) => harbour.entities.find((e) => e.id === n.entity)?.name,
  );
  const mergedNames = merged.matcher.names
    .slice(seeds.matcher.names.length)
    .map((n) => byId.get(n.entity)?.name);
  assert.deepEqual(mergedNames, harbourNames);
});

test('without one of its sources, the index reads as if that source were never in it', () => {
  const conflict = seeds.facts.find(
    (f) =>
      f.status === 'conflict' &&
      new Set(f.differences.flatMap((d) => d.values.map((v) => v.source))).size === 2,
  );
  assert.ok(conflict, 'the seeds have a conflict between two sources');
  const odd = conflict.differences[0]!.values[0]!.source;
  const without = withoutSource(seeds, odd);
  validateIndex(without);
  assert.equal(without.sources.length, seeds.sources.length - 1);
  assert.ok(
    without.facts.every((f) => f.members.every((m) => m.source !== odd)),
    'no member of the left-out source remains',
  );
  assert.notEqual(without.facts.find((f) => f.id === conflict.id)?.status, 'conflict');
  const own = seeds.facts.find((f) => f.status === 'single' && f.members[0]!.source === odd);
  assert.ok(own, 'the left-out source has a fact of its own');
  assert.ok(!without.facts.some((f) => f.id === own.id), 'a fact only it reported is gone');
  assert.ok(linked(seeds, own.label).length > 0, 'its sentence links with the source in');
  assert.ok(!linked(without, own.label).includes(own.label), 'and not to its own fact without it');
  assert.equal(withoutSource(seeds, 'nope'), seeds);
});
