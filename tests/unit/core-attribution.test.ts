/**
 * Attribution: whom a sentence says its claim comes from, with the stretch each attribution
 * governs (core/claims/attribution.ts), and the members of the real seed index that carry it.
 * Invented sentences are neutral (Arvenia, Kenya).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { attributionOver, attributionsOf } from '../../src/core/claims/attribution.ts';
import type { CorpusIndex } from '../../src/core/index/schema.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { ROOT } from '../support/paths.ts';

const who = (text: string) => attributionsOf(text).map((a) => a.who);
const over = (text: string, part: string) => {
  const at = text.indexOf(part);
  return attributionOver(attributionsOf(text), at, at + part.length);
};

test('a subject before a reporting verb, a speaker after a quotation, "according to"', () => {
  assert.deepEqual(who('Rescue workers say at least 40 people died in the floods.'), ['Rescue workers']);
  assert.deepEqual(who('The bridge will close for a year, the transport ministry said on Monday.'), [
    'the transport ministry',
  ]);
  assert.deepEqual(who('“We will rebuild it,” said Jane Doe, a council member.'), ['Jane Doe']);
  assert.deepEqual(who('“We will rebuild it,” Mr. Doe said.'), ['Mr. Doe']);
  assert.deepEqual(who('The talks failed, according to two officials in Nairobi.'), [
    'two officials in Nairobi',
  ]);
  assert.deepEqual(who('According to the ministry, the talks failed.'), ['the ministry']);
});

test('a pronoun names no one new, and a sentence with no reporting clause has no attribution', () => {
  assert.deepEqual(who('“We will rebuild it,” he said.'), []);
  assert.deepEqual(who('He also announced his resignation from the party.'), []);
  assert.deepEqual(who('The envoy of Arvenia resigned on Monday.'), []);
});

test('two attributed values in one sentence keep their own attribution', () => {
  const text =
    'Aid groups say more than 5,000 people fled, while the Kenyan Red Cross has put the number at 3,000.';
  assert.deepEqual(who(text), ['Aid groups', 'the Kenyan Red Cross']);
  assert.equal(over(text, 'more than 5,000'), 'Aid groups');
  assert.equal(over(text, '3,000'), 'the Kenyan Red Cross');
});

test('a statement quoting a ministry: the quoted declaration is the ministry’s', () => {
  const text =
    'In Nairobi, a short statement said: “The foreign ministry declares that the envoy has been recalled.”';
  assert.equal(over(text, 'the envoy has been recalled'), 'The foreign ministry');
});

let index: CorpusIndex;
before(async () => {
  index = (await indexFolder(path.join(ROOT, 'seeds'))).index;
});

test('the seed index: the death toll per body, the ministry, the spokesman; null where the outlet says it', () => {
  const toll = index.facts.find((f) => f.members.some((m) => m.values.some((v) => v.value === '15000')))!;
  const by = new Map(toll.members.map((m) => [m.source, m]));
  const s0 = index.sources.find((s) => s.file.startsWith('000'))!.id;
  const s2 = index.sources.find((s) => s.file.startsWith('002'))!.id;
  assert.equal(by.get(s0)?.attribution, 'Al Assad’s opponents');
  assert.equal(by.get(s2)?.attribution, 'Opposition groups');
  assert.deepEqual(
    by
      .get(s2)
      ?.values.filter((v) => v.attribution)
      .map((v) => [v.value, v.attribution]),
    [['10000', 'the United Nations']],
  );
  const relieved = index.facts.find((f) => f.members.some((m) => /relieved of his duties/.test(m.text)))!;
  assert.equal(relieved.members.find((m) => m.source === s0)?.attribution, 'The Syrian foreign ministry');
  const stated = index.facts.flatMap((f) => f.members).filter((m) => m.attribution === null);
  assert.ok(stated.length > 50, `${stated.length} members the outlets state themselves`);
  for (const f of index.facts)
    for (const m of f.members) assert.ok(m.attribution !== undefined, `${f.id} ${m.source}`);
});
