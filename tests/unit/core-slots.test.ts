import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractSlots, slotKey } from '../../src/core/claims/slots.ts';
import { statusOnPage } from '../../src/core/match/page-status.ts';

function by(kind: string, sentence: string, published?: string) {
  return extractSlots(sentence, { published }).filter((s) => s.kind === kind);
}

test('numbers keep modifier, value and the predicate they count', () => {
  const s = 'Rebels say nearly 2,400 fighters and about 900 police officers have been killed in the war.';
  const nums = by('number', s);
  assert.deepEqual(
    nums.map((n) => [n.value, n.modifier, slotKey(n)]),
    [
      ['2400', '<', 'number:killed'],
      ['900', '~', 'number:killed'],
    ],
  );
  for (const n of nums) assert.equal(s.slice(n.start, n.end), n.text);
  const other = by(
    'number',
    'Officials said more than 3,100 people have died, and the toll of at least 2,000 is disputed.',
  );
  assert.equal(other[0]?.value, '3100');
  assert.equal(other[0]?.modifier, '>');
  assert.equal(slotKey(other[0]!), 'number:killed');
});

test('units come from compounds and head nouns; durations and years are told apart', () => {
  const s = 'The 9-member panel, formed in 2019, studied a four-point plan for 11 months with 250 engineers.';
  const all = extractSlots(s);
  const keys = all
    .filter((x) => x.kind === 'number' || x.kind === 'duration')
    .map((x) => `${slotKey(x)}=${x.value}`);
  assert.deepEqual(keys, ['number:member=9', 'number:point=4', 'duration:month=11', 'number:engineer=250']);
});

test('ordinals and ranks are keyed by the noun they rank', () => {
  const a = by('ordinal', 'She is the second senior minister to resign this year.');
  const b = by('ordinal', 'She was the first senior minister to resign.');
  const c = by('ordinal', 'She is the highest-ranking minister so far to leave.');
  assert.equal(slotKey(a[0]!), 'ordinal:minister');
  assert.equal(a[0]?.value, '2');
  assert.equal(b[0]?.value, '1');
  assert.equal(c[0]?.value, 'top');
  assert.equal(by('ordinal', 'The first was a colonel.').length, 0);
  // "the first of any …": the rank is among that role; the slot's text is the sentence's own.
  const [d] = by('ordinal', 'It would be the first of any senior minister since May.');
  assert.equal(slotKey(d!), 'ordinal:minister');
  assert.equal(d?.text, 'first of any senior minister');
  // "the first ambassador to Norway": a rank among the holders of a post, keyed apart.
  assert.equal(
    slotKey(by('ordinal', 'She was sworn in as the first ambassador to Norway.')[0]!),
    'ordinal:post:ambassador',
  );
  assert.equal(slotKey(by('ordinal', 'She was the first ambassador to resign.')[0]!), 'ordinal:ambassador');
});

test('days resolve against the published date; weekdays without one stay symbolic', () => {
  const [y] = by('date', 'The council met yesterday.', '2020-03-05');
  assert.equal(y?.value, '2020-03-04');
  const [w] = by('date', 'The council met on Tuesday.', '2020-03-05');
  assert.equal(w?.value, '2020-03-03');
  const [n] = by('date', 'The council met last night.', '2020-03-05');
  assert.equal(n?.value, '2020-03-04');
  const [u] = by('date', 'The council met on Tuesday.');
  assert.equal(u?.value, 'weekday:tuesday');
  const [c] = by('date', 'A file picture taken March 3, 2009.');
  assert.equal(c?.value, '2009-03-03');
  assert.equal(slotKey(c!), 'date:calendar');
});

test('channels: the medium and outlet of a statement', () => {
  const [a] = by('channel', 'He announced it in a video message on YouTube on Monday.');
  assert.equal(a?.value, 'youtube');
  assert.equal(a?.unit, 'video message');
  const [b] = by('channel', 'In an interview given to the TV network Radio Nord Libre, he said so.');
  assert.equal(b?.value, 'radio nord libre');
  const [c] = by('channel', 'The minister told Nordpress on Tuesday that he would go.');
  assert.equal(c?.value, 'nordpress');
  // Whom an order went to is no channel.
  assert.deepEqual(by('channel', 'The mayor told the Harbour Guard to "open the gates" at once.'), []);
  assert.deepEqual(by('channel', 'She told Nordpress to stop calling.'), []);
});

test('quotes carry their speaker when the sentence names one', () => {
  const [q] = by(
    'quote',
    '\u201cWe will not stop until the lights are on,\u201d said Ingrid Halvorsen, the mayor.',
  );
  assert.equal(q?.speaker, 'Ingrid Halvorsen');
  assert.equal(q?.value, 'we will not stop until the lights are on');
  const [r] = by('quote', 'Mr. Petrov told reporters: "Nothing has been decided yet."');
  assert.equal(r?.speaker, 'Petrov');
  assert.equal(by('quote', 'They called it "unfair".').length, 0);
});

test("responses: an official side's statement, in either tense, or its silence", () => {
  const response = (s: string) => extractSlots(s).find((x) => x.kind === 'response')?.value ?? null;
  assert.equal(
    response('The foreign ministry said in a statement that the envoy had been dismissed.'),
    'statement',
  );
  assert.equal(response("The country's Foreign Ministry says it has dismissed the envoy."), 'statement');
  assert.equal(response('A government spokesman denies the report.'), 'statement');
  assert.equal(response('There was no comment from the capital about the move.'), 'none');
  assert.equal(response('Neither the city nor the port authority commented on the strike.'), 'none');
  assert.equal(response('The mayor says the harbour will reopen in May.'), null, 'no official side named');
});

test('durations in every time unit, as the stemmer reads it', () => {
  for (const [s, key] of [
    ['It took ten minutes to find the file.', 'duration:minut'],
    ['The feud has lasted two decades.', 'duration:decad'],
    ['The talks ran for 36 hours.', 'duration:hour'],
  ] as const)
    assert.deepEqual(
      by('duration', s).map((d) => slotKey(d)),
      [key],
      s,
    );
});

test('sequences: "the second … in a week" and "follows … last week" read as the same stretch', () => {
  const value = (s: string) => by('sequence', s).map((x) => x.value);
  assert.deepEqual(value('It is the second big resignation in a week.'), ['week']);
  assert.deepEqual(value("This is the third strike at the port within a month, the union's leader said."), [
    'month',
  ]);
  assert.deepEqual(value('Her resignation follows the departure last week of the harbour master.'), ['week']);
  assert.deepEqual(value('It comes after a similar vote in Arvik last year.'), ['year']);
  assert.deepEqual(value('The second round of talks begins next week.'), [], 'no stretch the event falls in');
  assert.deepEqual(value('She was the second mayor to resign.'), [], 'a rank, not a sequence in time');
  assert.deepEqual(value('He resigned last week and left the town.'), [], 'a day, not a sequence');
  const [s] = by('sequence', 'It is the second big resignation in a week.');
  assert.equal(s?.text, 'second big resignation in a week');
  assert.equal(s?.key, 'sequence:resignation', 'the key names the event');
  assert.equal(
    by('sequence', 'It follows the sudden flight from Arvik last week of the mayor.')[0]?.key,
    'sequence:flight',
    'the event ends where its phrase does',
  );
});

test('a sequence is never a conflict on the page: its stretch is read too loosely to compare', () => {
  const [page] = by('sequence', 'It is the third resignation within a month.');
  assert.ok(page, 'the page sentence has a sequence');
  const members = [{ slots: [{ key: 'sequence', value: 'week' }] }];
  assert.equal(statusOnPage('single', members, [page]), 'single');
  const [rank] = by('ordinal', 'She is the third mayor to resign.');
  assert.equal(
    statusOnPage('single', [{ slots: [{ key: rank?.key as string, value: '2' }] }], [rank!]),
    'conflict',
    'a rank still is',
  );
});

test('origins: where a person is from, however it is put, with the place as printed', () => {
  const value = (s: string) => by('origin', s).map((x) => x.value);
  assert.deepEqual(value('Kimani is from Kisumu, the western city on the lake.'), ['kisumu']);
  assert.deepEqual(value('He led the party in his home city of Wadi es-Sir for years.'), ['wadi es-sir']);
  assert.deepEqual(value('She hails from Mombasa.'), ['mombasa']);
  assert.deepEqual(value('A native of Nakuru, he studied law.'), ['nakuru']);
  assert.deepEqual(value('The letter was from Monday.'), [], 'a day is no place');
  assert.deepEqual(value('The statement is from the ministry.'), [], 'no place named');
  const [page] = by('origin', 'Kimani is from Kisumu.');
  assert.equal(
    statusOnPage('single', [{ slots: [{ key: 'origin', value: 'kisumu city' }] }], [page!]),
    'single',
    'spellings differ between outlets: not compared',
  );
});
