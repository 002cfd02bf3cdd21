/**
 * Generality (issue 3.9): a made-up corpus on another story (tests/fixtures/corpus-harbour),
 * with its own spelling variants, a relative and a conflicting number, indexed by the same
 * code as the seeds.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { FIXTURES } from '../support/paths.ts';

const { index } = await indexFolder(path.join(FIXTURES, 'corpus-harbour'));
const entityWith = (alias: string) => index.entities.find((e) => e.aliases.some((a) => a.text === alias));

test('spelling variants of one person group into one entity, the relative stays apart', () => {
  const leader = entityWith('Katarina Vellinova');
  assert.ok(leader);
  assert.equal(entityWith('Katharina Velinova')?.id, leader.id);
  assert.equal(entityWith('Vellinova')?.id, leader.id);
  assert.equal(leader.type, 'person');
  const father = entityWith('Boris Velinova');
  assert.ok(father);
  assert.notEqual(father.id, leader.id);
});

test('an acronym joins the organisation it abbreviates', () => {
  const union = entityWith('Valmora Dockers Union');
  assert.ok(union);
  assert.equal(entityWith('VDU')?.id, union.id);
  assert.equal(union.type, 'organization');
});

test('the walkout is one corroborated fact across sources; furniture is gone', () => {
  const walkout = index.facts.find((f) =>
    f.members.some((m) => m.source === 's0' && m.text.includes('walked out on Monday')),
  );
  assert.ok(walkout);
  assert.ok(new Set(walkout.members.map((m) => m.source)).size >= 2);
  for (const s of index.sources) {
    assert.ok(!s.text.includes('Skip to main content'));
    assert.ok(!s.text.includes('Story continues below'));
    assert.ok(!s.text.includes('Reporting by'));
  }
});

test('the conflicting head count is one fact labelled conflict, with the values per source', () => {
  const fact = index.facts.find((f) => f.members.some((m) => m.text.includes('About 2,500 workers')));
  assert.ok(fact);
  assert.equal(fact.status, 'conflict');
  const diff = fact.differences.find((d) => d.kind.startsWith('number:'));
  assert.ok(diff);
  const bySource = new Map(diff.values.map((v) => [v.source, v.value]));
  assert.equal(bySource.get('s1'), '2500');
  assert.equal(bySource.get('s2'), '4000');
  const odd = fact.members.find((m) => m.text.includes('About 2,500'));
  assert.equal(odd?.stance, 'conflicts');
});

test('the build is deterministic', async () => {
  const again = await indexFolder(path.join(FIXTURES, 'corpus-harbour'));
  assert.equal(JSON.stringify(again.index), JSON.stringify(index));
});

test('index invariants: every sentence is in a fact, spans and slot offsets lie inside member text', async () => {
  for (const folder of [path.join(FIXTURES, 'corpus-harbour'), path.join(FIXTURES, '../../seeds')]) {
    const built = (await indexFolder(folder)).index;
    const covered = new Set(built.facts.flatMap((f) => f.members.map((m) => `${m.source}:${m.sentence}`)));
    for (const s of built.sources)
      s.sentences.forEach((_, k) => {
        assert.ok(covered.has(`${s.id}:${k}`), `${s.file} sentence ${k} is in no fact`);
      });
    for (const f of built.facts) {
      assert.equal(f.status === 'conflict', f.differences.length > 0);
      for (const m of f.members) {
        const s = built.sources.find((x) => x.id === m.source)!;
        const sp = s.sentences[m.sentence]!;
        assert.equal(s.text.slice(sp.start, sp.end), m.text);
        for (const v of m.values) assert.equal(m.text.slice(v.start, v.end), v.text);
      }
      if (f.members.some((m) => m.stance === 'conflicts')) assert.equal(f.status, 'conflict');
    }
  }
});
