/**
 * Time: when each source reported (its date, else a date stamp it prints; never guessed), the day
 * each member reports about, and conflicts that are a story moving on. Generated corpora whose
 * times are known, in neutral invented text; the seeds give no dates, and say so.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { summarizeFact } from '../../src/core/index/query.ts';
import { isoDate, sourceTime } from '../../src/core/index/timeline.ts';
import { buildIndex } from '../../src/indexer/build-index.ts';
import { indexFolder } from '../../src/indexer/index-folder.ts';
import type { RawArticle } from '../../src/indexer/read-folder.ts';
import { ROOT } from '../support/paths.ts';

const article = (file: string, published: string | null, paragraphs: string[]): RawArticle => ({
  file,
  text: paragraphs.join('\n\n'),
  meta: { file, outlet: `Outlet ${file}`, label: null, title: null, url: null, published },
});
const toll = (n: number, day?: string) =>
  `Floods in Arvenia have killed ${n} people, officials in the capital said${day ? ` on ${day}` : ''}.`;
const rescue = 'Rescue teams reached the northern valleys where roads were cut.';

test('dates: ISO, "May 6, 2031", "6 May 2031"; a stamp line gives a source its time, story dates do not', () => {
  assert.equal(isoDate('2031-05-06'), '2031-05-06');
  assert.equal(isoDate('May 6, 2031 at 10:00'), '2031-05-06');
  assert.equal(isoDate('6 May 2031'), '2031-05-06');
  assert.equal(isoDate('sometime soon'), null);
  assert.equal(sourceTime('2031-01-02', 'Published: May 6, 2031'), '2031-01-02');
  assert.equal(sourceTime(null, 'Published: May 6, 2031\n\nText.'), '2031-05-06');
  assert.equal(sourceTime(null, 'Text.\n\nLast updated 7 May 2031'), '2031-05-07');
  assert.equal(sourceTime(null, 'The bridge opened on May 6, 2031, officials said.'), null);
});

test('a count that rose from report to report is "updated"; a response that followed "no comment" is a timeline', () => {
  const index = buildIndex([
    article('a.txt', '2031-03-01', [
      toll(40),
      'There has been no comment from the Arvenian government about the floods.',
      rescue,
    ]),
    article('b.txt', null, ['Published: March 2, 2031', toll(55), rescue]),
    article('c.txt', '2031-03-03', [
      toll(70),
      'In Velka, a short government statement said: "The Arvenian government declares a state of emergency over the floods."',
      rescue,
    ]),
  ]);
  assert.deepEqual(
    index.sources.map((s) => s.time),
    ['2031-03-01', '2031-03-02', '2031-03-03'],
  );
  const count = index.facts.find((f) => f.members.some((m) => m.text.includes('killed 40')))!;
  assert.equal(count.timeline?.kind, 'updated');
  assert.deepEqual(
    count.timeline?.steps.map((s) => [s.time, s.value, s.sources]),
    [
      ['2031-03-01', '40', ['s0']],
      ['2031-03-02', '55', ['s1']],
      ['2031-03-03', '70', ['s2']],
    ],
  );
  const response = index.facts.find((f) => f.members.some((m) => m.text.includes('no comment')))!;
  assert.equal(response.timeline?.kind, 'timeline');
  assert.deepEqual(
    response.timeline?.steps.map((s) => s.sources),
    [['s0'], ['s2']],
  );
  assert.equal(summarizeFact(index, count).undated, 0);
});

test('the day a member reports about is read against its source’s time', () => {
  const index = buildIndex([
    article('a.txt', '2031-03-05', [toll(40, 'Monday'), rescue]),
    article('b.txt', '2031-03-05', [toll(40, 'Monday'), rescue]),
  ]);
  const fact = index.facts.find((f) => f.members.some((m) => m.text.includes('killed 40')))!;
  // 2031-03-05 is a Wednesday: the Monday before it.
  assert.deepEqual(
    fact.members.map((m) => m.when),
    ['2031-03-03', '2031-03-03'],
  );
});

test('sources that differ on the same day contradict; unknown times are no timeline', () => {
  const same = buildIndex([
    article('a.txt', '2031-03-01', [toll(40), rescue]),
    article('b.txt', '2031-03-01', [toll(55), rescue]),
  ]);
  const fact = same.facts.find((f) => f.members.some((m) => m.text.includes('killed 40')))!;
  assert.equal(fact.status, 'conflict');
  assert.equal(fact.timeline, undefined);
  const unknown = buildIndex([
    article('a.txt', '2031-03-01', [toll(40), rescue]),
    article('b.txt', null, [toll(55), rescue]),
  ]);
  const u = unknown.facts.find((f) => f.members.some((m) => m.text.includes('killed 40')))!;
  assert.equal(u.status, 'conflict');
  assert.equal(u.timeline, undefined);
  assert.equal(summarizeFact(unknown, u).undated, 1);
});

test('the seeds give no dates: no source has a time, no conflict is called a timeline, and every conflict says so', async () => {
  const { index } = await indexFolder(path.join(ROOT, 'seeds'));
  assert.deepEqual(
    index.sources.map((s) => s.time),
    [undefined, undefined, undefined, undefined, undefined],
  );
  const conflicts = index.facts.filter((f) => f.status === 'conflict');
  assert.ok(conflicts.length >= 5);
  for (const f of conflicts) {
    assert.equal(f.timeline, undefined);
    assert.ok(summarizeFact(index, f).undated >= 2, f.id);
  }
});
