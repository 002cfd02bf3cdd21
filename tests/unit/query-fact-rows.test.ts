/**
 * The fact card's rows (src/core/index/query-fact-rows.ts): one per source, differing values
 * bold, "not reported" rows for the sources without a member.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { summarizeFact } from '../../src/core/index/query.ts';
import { differingKinds, factRows, segmentMember } from '../../src/core/index/query-fact-rows.ts';
import { parseIndex } from '../../src/core/index/validate.ts';
import { FIXTURES } from '../support/paths.ts';

const index = parseIndex(readFileSync(path.join(FIXTURES, 'pages/popup-corpus/index.json'), 'utf8'));
const fact = (id: string) => index.facts.find((f) => f.id === id)!;
const bold = (id: string) =>
  factRows(index, fact(id)).map((r) =>
    r.segments
      .filter((s) => s.bold)
      .map((s) => s.text)
      .join('|'),
  );

test('the differing values are bold, in every source, and only those', () => {
  assert.deepEqual(bold('f-toll'), ['just under 13,000', 'more than 15,000', '', '']);
  assert.deepEqual(bold('f-first'), ['first', 'first', 'second', '']);
  assert.deepEqual(bold('f-russia-draft'), ['Tuesday', 'Tuesday', 'Wednesday', '']);
  assert.deepEqual(
    [...differingKinds(fact('f-toll'))],
    ['number'],
    'a value only one source states is not a difference',
  );
});

test('one row per source: reporting sources by stance, then "not reported"', () => {
  const rows = factRows(index, fact('f-first'));
  assert.deepEqual(
    rows.map((r) => [r.outlet, r.stance]),
    [
      ['Gulf Courier', 'agrees'],
      ['Northern Ledger', 'agrees'],
      ['Evening Dispatch', 'conflicts'],
      ['Capital Times', null],
    ],
  );
  assert.deepEqual(rows[3]!.segments, []);
  assert.equal(rows[2]!.sentence, 1);
});

test('segments rebuild the sentence exactly and mark the span', () => {
  for (const f of index.facts) {
    for (const m of f.members) {
      const segments = segmentMember(m, differingKinds(f));
      assert.equal(segments.map((s) => s.text).join(''), m.text);
      assert.equal(
        segments
          .filter((s) => s.span)
          .map((s) => s.text)
          .join(''),
        m.text.slice(m.span.start, m.span.end),
      );
    }
  }
});

test('values with offsets outside the sentence are ignored, not thrown on', () => {
  const m = {
    ...fact('f-first').members[0]!,
    values: [{ kind: 'ordinal', text: 'x', value: '9', start: 5, end: 999 }],
  };
  assert.equal(segmentMember(m, new Set(['ordinal'])).filter((s) => s.bold).length, 0);
});

test('sources printing one report are tagged with its credit, and counted once', () => {
  const rows = factRows(index, fact('f-russia-draft'));
  assert.deepEqual(
    rows.map((r) => [r.source, r.copy, r.wire]),
    [
      ['s1', 'Newswire', true],
      ['s2', 'Newswire', true],
      ['s3', null, false],
      ['s4', null, false],
    ],
  );
  const summary = summarizeFact(index, fact('f-russia-draft'));
  assert.deepEqual(summary.stances, { agrees: 2, partial: 0, conflicts: 1 });
  assert.deepEqual(summary.reports, { agrees: 1, partial: 0, conflicts: 1 });
  assert.deepEqual(summary.copies, [
    { origin: 'o-wire', credit: 'Newswire', sources: ['s1', 's2'], stance: 'agrees' },
  ]);
  // Every source its own report: no copies, and the counts are the sources'.
  const own = summarizeFact(index, fact('f-first'));
  assert.deepEqual(own.copies, []);
  assert.deepEqual(own.reports, own.stances);
});

test('an index without origins counts every source as a report, and keeps near-verbatim sentences as wire copy', () => {
  const old = structuredClone(index);
  delete old.origins;
  for (const f of old.facts) for (const m of f.members) delete m.origin;
  const f = old.facts.find((x) => x.id === 'f-russia-draft')!;
  assert.deepEqual(
    factRows(old, f).map((r) => [r.copy, r.wire]),
    [
      [null, false],
      [null, true],
      [null, false],
      [null, false],
    ],
  );
  assert.deepEqual(summarizeFact(old, f).reports, { agrees: 2, partial: 0, conflicts: 1 });
});
