/**
 * Origins: which sources carry one report. On the real seeds (000, 001 and 003 print one wire
 * story; 004 reuses two of its sentences), on a generated corpus of 10,000 articles with planted
 * copies, and the credits an article prints. Invented text here is neutral (Arvenia, Kenya).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { assignOrigins, copyPairs } from '../../src/core/index/origins.ts';
import { reportsOf } from '../../src/core/index/reports.ts';
import type { CorpusIndex, Fact, FactMember, Source } from '../../src/core/index/schema.ts';
import { findCredits } from '../../src/core/text/credits.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import { ROOT } from '../support/paths.ts';

let index: CorpusIndex;
before(async () => {
  index = (await indexFolder(path.join(ROOT, 'seeds'))).index;
});

const sourceOf = (file: string) => index.sources.find((s) => s.file.startsWith(file))!.id;
const factWith = (test: (m: FactMember) => boolean, sources: number) =>
  index.facts.find(
    (f) => f.members.filter(test).length > 0 && new Set(f.members.map((m) => m.source)).size >= sources,
  )!;
/** The origins each source's members of `fact` have. */
const originsBy = (fact: Fact) => {
  const out = new Map<string, Set<string>>();
  for (const m of fact.members) {
    if (!out.has(m.source)) out.set(m.source, new Set());
    out.get(m.source)!.add(m.origin!);
  }
  return out;
};

test('the seed index carries a credit per source where the text prints one, and origins for every member', () => {
  assert.equal(index.version, 3);
  assert.equal(index.sources.find((s) => s.id === sourceOf('000'))?.credit, 'Reuters');
  assert.equal(index.sources.find((s) => s.id === sourceOf('001'))?.credit, 'Agencies');
  assert.equal(index.sources.find((s) => s.id === sourceOf('002'))?.credit, undefined);
  const ids = new Set(index.origins!.map((o) => o.id));
  for (const f of index.facts)
    for (const m of f.members) assert.ok(ids.has(m.origin!), `${f.id} ${m.source}`);
  const wire = index.origins!.find((o) => o.sources.length > 1)!;
  assert.deepEqual(wire.sources.slice(0, 3), [sourceOf('000'), sourceOf('001'), sourceOf('003')]);
  assert.equal(wire.credit, 'Reuters');
  assert.ok(wire.shared >= 20, `shared ${wire.shared}`);
});

test('"first senior diplomat": 000, 001 and 003 are one report; 002 and 004 (which made it "second") each their own', () => {
  const fact = factWith((m) => m.values.some((v) => v.value === '2' && v.key?.startsWith('ordinal:')), 5);
  const by = originsBy(fact);
  const [a, b, c, d, e] = ['000', '001', '002', '003', '004'].map((f) => [...(by.get(sourceOf(f)) ?? [])]);
  assert.deepEqual(a, b);
  assert.deepEqual(a, d);
  assert.equal(a!.length, 1);
  for (const own of [c!, e!]) {
    assert.equal(own.length, 1);
    assert.ok(!a!.includes(own[0]!));
    const printers = fact.members.filter((m) => m.origin === own[0]).map((m) => m.source);
    assert.equal(new Set(printers).size, 1, 'an own report is one source');
  }
  const { reports, copies } = reportsOf(index, fact);
  assert.equal(copies.length, 1);
  assert.deepEqual(copies[0]!.sources, [sourceOf('000'), sourceOf('001'), sourceOf('003')]);
  assert.equal(reports.conflicts, 1, '004, one report');
});

test('"a video statement on Facebook": one wire report against two independent ones', () => {
  const fact = factWith((m) => m.values.some((v) => v.kind === 'channel' && v.value === 'facebook'), 5);
  const { reports, copies } = reportsOf(index, fact);
  assert.deepEqual(
    copies.map((c) => [c.credit, c.sources, c.stance]),
    [['Reuters', [sourceOf('000'), sourceOf('001'), sourceOf('003')], 'agrees']],
  );
  assert.deepEqual(reports, { agrees: 1, partial: 0, conflicts: 2 });
});

test('003 and 004 print the same wire sentence and agree: one report', () => {
  const s3 = sourceOf('003');
  const s4 = sourceOf('004');
  const fact = index.facts.find(
    (f) =>
      f.members.some((m) => m.source === s3 && m.wire) &&
      f.members.some((m) => m.source === s4 && m.wire) &&
      f.members.every((m) => m.source === s3 || m.source === s4),
  )!;
  assert.ok(fact, 'a fact 003 and 004 print near-verbatim');
  const by = originsBy(fact);
  assert.deepEqual([...by.get(s3)!], [...by.get(s4)!]);
});

/** A generated corpus: `n` articles of unique sentences, with planted copies. */
function generated(n: number): { sources: Source[]; planted: Set<string> } {
  // Sentences of random words from a vocabulary of 5,000 made-up ones (seeded, so the run repeats).
  let seed = 7;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const vocabulary = Array.from({ length: 5000 }, () =>
    Array.from({ length: 4 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 26)]).join(''),
  );
  const sentence = (_i: number, _k: number) =>
    `${Array.from({ length: 14 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')}.`;
  const texts: string[][] = [];
  for (let i = 0; i < n; i++) texts.push([0, 1, 2, 3, 4].map((k) => sentence(i, k)));
  const planted = new Set<string>();
  // Every 500th article reprints three sentences of the one before it; every 700th only one.
  for (let i = 500; i < n; i += 500) {
    texts[i]!.splice(1, 3, texts[i - 1]![1]!, texts[i - 1]![2]!, `${texts[i - 1]![3]!.slice(0, -1)} today.`);
    planted.add(`s${i - 1} s${i}`);
  }
  for (let i = 700; i < n; i += 700) if (i % 500 !== 0) texts[i]![2] = texts[i - 3]![2]!;
  const sources = texts.map((lines, i): Source => {
    const text = lines.join(' ');
    let at = 0;
    const sentences = lines.map((l) => {
      const span = { start: at, end: at + l.length };
      at += l.length + 1;
      return span;
    });
    return { id: `s${i}`, file: `${i}.txt`, outlet: null, text, sentences };
  });
  return { sources, planted };
}

test('10,000 generated articles: exactly the planted runs of copy are found, a lone shared sentence is not', () => {
  const { sources, planted } = generated(10_000);
  const pairs = copyPairs(sources);
  assert.deepEqual(new Set(pairs.map((p) => `${p.a} ${p.b}`)), planted);
  for (const p of pairs) assert.equal(p.shared, 3);
});

test('a member that copies a sentence but changes its value is a report of its own', () => {
  const lines = [
    [
      'Kenya named a new envoy to Arvenia on Monday after weeks of talks between both governments.',
      'The envoy, a former trade minister, was the first woman appointed to the post in Nairobi.',
      'Officials in Nairobi said the appointment would take effect at the end of the month.',
    ],
    [
      'Kenya named a new envoy to Arvenia on Monday after weeks of talks between both governments.',
      'The envoy, a former trade minister, was the first woman appointed to the post in Nairobi.',
      'Officials in Nairobi said the appointment would take effect at the end of the month.',
    ],
    [
      'Kenya named a new envoy to Arvenia on Monday after weeks of talks between both governments.',
      'The envoy, a former trade minister, was the second woman appointed to the post in Nairobi.',
      'Officials in Nairobi said the appointment would take effect at the end of the month.',
    ],
  ];
  const sources = lines.map((ls, i): Source => {
    const text = ls.join(' ');
    let at = 0;
    return {
      id: `s${i}`,
      file: `${i}.txt`,
      outlet: null,
      text,
      sentences: ls.map((l) => {
        const span = { start: at, end: at + l.length };
        at += l.length + 1;
        return span;
      }),
    };
  });
  const member = (i: number, value: string): FactMember => {
    const text = lines[i]![1]!;
    const at = text.indexOf(value);
    return {
      source: `s${i}`,
      text,
      stance: value === 'second' ? 'conflicts' : 'agrees',
      sentence: 1,
      span: { start: 0, end: text.length },
      values: [
        {
          kind: 'ordinal',
          key: 'ordinal:woman',
          text: value,
          value: value === 'first' ? '1' : '2',
          start: at,
          end: at + value.length,
        },
      ],
    };
  };
  const fact: Fact = {
    id: 'f0',
    status: 'conflict',
    label: 'first woman',
    entities: [],
    members: [member(0, 'first'), member(1, 'first'), member(2, 'second')],
    differences: [],
  };
  const origins = assignOrigins(sources, [fact]);
  const [a, b, c] = fact.members.map((m) => m.origin);
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.deepEqual(origins.find((o) => o.id === a)?.sources, ['s0', 's1', 's2']);
  assert.deepEqual(origins.find((o) => o.id === c)?.sources, ['s2']);
});

test('credits: a dateline, a sign-off and a photo credit name whose copy it is; a headline does not', () => {
  assert.deepEqual(findCredits('NAIROBI (Newswire) - Talks resumed on Monday.\nMore text here.'), [
    { name: 'Newswire', where: 'dateline' },
  ]);
  assert.deepEqual(findCredits('Talks resumed on Monday.\n\nThe council met again.\n\n- Newswire'), [
    { name: 'Newswire', where: 'sign-off' },
  ]);
  assert.deepEqual(findCredits('Talks resumed on Monday.\nAgencies'), [
    { name: 'Agencies', where: 'sign-off' },
  ]);
  assert.deepEqual(findCredits('Ministers meet in Nairobi. NEWSWIRE/Jane Doe/Files\nTalks resumed.'), [
    { name: 'Newswire', where: 'photo' },
  ]);
  assert.deepEqual(findCredits('Image Credit: PRESSWIRE\nTalks resumed.'), [
    { name: 'Presswire', where: 'photo' },
  ]);
  assert.deepEqual(findCredits('Talks resumed on Monday.\nCouncil Approves Ferry Budget'), []);
  assert.deepEqual(findCredits('Talks resumed on Monday.\nRead more'), []);
});
