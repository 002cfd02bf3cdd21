import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFacts, type FactSentence } from '../../src/core/index/build-facts.ts';

const ents = (ids: string[]) => ids.map((id) => ({ id, start: 0, end: 1 }));
function sentences(): FactSentence[] {
  const story = ents(['e0', 'e1', 'e2']);
  return [
    {
      source: 's0',
      sentence: 0,
      text: 'The Arvik mayor resigned on Monday after a vote of no confidence in the city council.',
      entities: story,
    },
    {
      source: 's1',
      sentence: 0,
      text: 'The Arvik mayor resigned on Monday after a vote of no confidence in the city council.',
      entities: story,
    },
    {
      source: 's2',
      sentence: 0,
      text: 'Arvik’s mayor stepped down on Tuesday after losing a vote of no confidence.',
      entities: story,
    },
    {
      source: 's0',
      sentence: 1,
      text: 'Officials said more than 4,000 people were evacuated from the flooded valley.',
      entities: story,
    },
    {
      source: 's2',
      sentence: 1,
      text: 'Police said about 1,500 residents were evacuated from their homes.',
      entities: story,
    },
    { source: 's1', sentence: 1, text: 'Bakers in the old town sold out of bread by noon.', entities: story },
  ];
}

test('wire copy and a paraphrase form one fact; a different day is a conflict', () => {
  const facts = buildFacts(sentences());
  const mayor = facts.find((f) => f.members.some((m) => m.text.includes('stepped down')));
  assert.ok(mayor);
  assert.deepEqual(mayor.members.map((m) => m.source).sort(), ['s0', 's1', 's2']);
  assert.equal(mayor.status, 'conflict');
  assert.equal(mayor.differences[0]?.kind, 'date:day');
  const bySource = new Map(mayor.members.map((m) => [m.source, m]));
  assert.equal(bySource.get('s2')?.stance, 'conflicts');
  assert.equal(bySource.get('s0')?.stance, 'agrees');
  assert.equal(bySource.get('s0')?.wire, true);
});

test('the same count with different numbers is one fact labelled conflict, values per source', () => {
  const facts = buildFacts(sentences());
  const count = facts.find((f) => f.members.some((m) => m.text.includes('4,000')));
  assert.ok(count);
  assert.deepEqual(count.members.map((m) => m.source).sort(), ['s0', 's2']);
  assert.equal(count.status, 'conflict');
  const diff = count.differences.find((d) => d.kind === 'number:displaced');
  assert.deepEqual(
    diff?.values.map((v) => `${v.source}=${v.value}`),
    ['s0=4000', 's2=1500'],
  );
});

test('every sentence belongs to a fact; unrelated sentences stay single; ids are stable', () => {
  const facts = buildFacts(sentences());
  const bread = facts.find((f) => f.members.some((m) => m.text.includes('bread')));
  assert.equal(bread?.status, 'single');
  const covered = new Set(facts.flatMap((f) => f.members.map((m) => `${m.source}:${m.sentence}`)));
  assert.equal(covered.size, 6);
  assert.deepEqual(
    facts.map((f) => f.id),
    facts.map((_, i) => `f${i}`),
  );
  assert.deepEqual(JSON.stringify(buildFacts(sentences())), JSON.stringify(facts));
});

test('a sentence stating two facts is a member of each, with its own span', () => {
  const story = ents(['e0', 'e1']);
  const facts = buildFacts([
    {
      source: 's0',
      sentence: 0,
      text: 'The minister resigned over the bridge contract, and urged parliament to open an inquiry into the tender.',
      entities: story,
    },
    {
      source: 's1',
      sentence: 0,
      text: 'The minister resigned over the bridge contract on the same afternoon.',
      entities: story,
    },
    {
      source: 's2',
      sentence: 0,
      text: 'Opposition members urged parliament to open an inquiry into the tender.',
      entities: story,
    },
  ]);
  const of = (src: string) =>
    facts.filter((f) => f.members.some((m) => m.source === src && m.sentence === 0));
  assert.equal(of('s0').length, 2);
  for (const f of of('s0')) {
    const m = f.members.find((x) => x.source === 's0')!;
    assert.ok(m.span.end - m.span.start < m.text.length);
  }
});

test('a connector clause with no content word, name or value is no fact of its own', () => {
  const text =
    'Mara Ilves posted a video statement on Facebook on Friday in which she said: “I have left the party for good.”';
  const facts = buildFacts([
    { source: 's0', sentence: 0, text, entities: [{ id: 'e0', start: 0, end: 10 }] },
    { source: 's1', sentence: 0, text, entities: [{ id: 'e0', start: 0, end: 10 }] },
  ]);
  const spans = facts.flatMap((f) => f.members.map((m) => m.text.slice(m.span.start, m.span.end)));
  assert.ok(spans.length >= 2, `the statement and the quote are facts: ${JSON.stringify(spans)}`);
  assert.ok(
    spans.every((s) => !/^in which she said:?$/.test(s.trim())),
    `no fact is only "in which she said:": ${JSON.stringify(spans)}`,
  );
  assert.ok(
    spans.some((s) => s.includes('I have left the party')),
    'the quote is still a fact',
  );
});

test('a label reads on its own: a standalone member first, else the continuation marked with "…"', () => {
  const build = (texts: string[]) =>
    buildFacts(
      texts.map((text, i) => ({
        source: `s${i}`,
        sentence: 0,
        text,
        entities: [{ id: 'e0', start: text.indexOf('Ola Berg'), end: text.indexOf('Ola Berg') + 8 }],
      })),
    );
  const resign = (facts: ReturnType<typeof buildFacts>) =>
    facts.find((f) => f.members.length > 1 && f.members.every((m) => m.text.includes('resigned')));
  // Both outlets state it in a relative clause: no member reads on its own.
  const both = resign(
    build([
      'Reporters waited outside for Ola Berg, who resigned from the harbour board on Monday.',
      'The mayor later thanked Ola Berg, who resigned from the harbour board on Monday.',
    ]),
  );
  assert.equal(both?.label, '…who resigned from the harbour board on Monday.');
  // One outlet states it as a sentence of its own: that is the label, whichever member is first.
  const one = resign(
    build([
      'Reporters waited outside for Ola Berg, who resigned from the harbour board on Monday.',
      'Ola Berg resigned from the harbour board on Monday.',
    ]),
  );
  assert.equal(one?.label, 'Ola Berg resigned from the harbour board on Monday.');
});

test('one channel fact per report: the lexical twin joins it, an unrelated "told <channel>" does not', () => {
  const story = ents(['e0', 'e1']);
  const facts = buildFacts([
    {
      source: 's0',
      sentence: 0,
      text: 'Olsen posted a video statement on YouTube on Monday.',
      entities: story,
    },
    {
      source: 's1',
      sentence: 0,
      text: 'Mr Olsen posted a video statement on YouTube last night.',
      entities: story,
    },
    {
      source: 's2',
      sentence: 0,
      text: 'Olsen said in a statement given to the broadcaster NRK that he was quitting.',
      entities: story,
    },
    {
      source: 's2',
      sentence: 1,
      text: 'A harbour pilot told Radio Nord from Bergen it was unclear whether ferries would sail.',
      entities: [{ id: 'e2', start: 40, end: 46 }],
    },
  ]);
  const channel = facts.filter((f) => f.members.some((m) => m.text.includes('YouTube')));
  assert.equal(channel.length, 1, 'no twin fact sharing the same members');
  const texts = channel[0]!.members.map((m) => m.text);
  assert.ok(
    texts.some((t) => t.includes('NRK')),
    'the other channel is compared in the same fact',
  );
  assert.ok(!texts.some((t) => t.includes('Radio Nord')), 'an unrelated statement stays out');
  assert.equal(channel[0]!.status, 'conflict');
});

test('two dated reports are one action only when their verbs say the same thing happened', () => {
  const verbs = (text: string, words: string[]) => words.map((w) => text.indexOf(w));
  const dated = (a: string, b: string, va: string[], vb: string[]): boolean => {
    const story = ents(['e0', 'e1']);
    const union = (t: string) => [
      { id: 'e0', start: t.indexOf('dockers union'), end: t.indexOf('dockers union') + 13 },
    ];
    const list: FactSentence[] = [
      { source: 's0', sentence: 0, text: a, entities: union(a), verbs: verbs(a, va) },
      { source: 's1', sentence: 0, text: b, entities: union(b), verbs: verbs(b, vb) },
      // A third source of the same story, so the two are one story.
      { source: 's0', sentence: 1, text: 'The Arvik council met at noon.', entities: story },
      { source: 's1', sentence: 1, text: 'The Arvik council met at noon.', entities: story },
    ];
    return buildFacts(list, {
      readWords: (s) => s.flatMap((w) => (w === 'put' ? ['put', 'submit'] : [w])),
    }).some(
      (f) => new Set(f.members.map((m) => m.sentence === 0 && m.source)).size === 2 && f.members.length === 2,
    );
  };
  const a = 'The dockers union submitted its demands to the board on Tuesday.';
  assert.ok(dated(a, 'On Wednesday the dockers union put its demands.', ['submitted'], ['put']));
  assert.ok(
    !dated(a, 'On Wednesday the dockers union visited a harbour.', ['submitted'], ['visited']),
    'the same actor and a day, but another action',
  );
});

test('the same actor doing something on two days is one dated action, whatever the verb', () => {
  const story = ents(['e0', 'e1']);
  const at = (text: string, word: string) => [
    { id: 'e0', start: text.indexOf(word), end: text.indexOf(word) + word.length },
  ];
  const a = 'Norway circulated its draft resolution among envoys on Tuesday after weeks of quiet talks.';
  const b =
    'On Wednesday Norway introduced a new draft of the resolution with tougher language on fishing quotas.';
  const list: FactSentence[] = [
    { source: 's0', sentence: 0, text: a, entities: at(a, 'Norway'), verbs: [a.indexOf('circulated')] },
    { source: 's1', sentence: 0, text: b, entities: at(b, 'Norway'), verbs: [b.indexOf('introduced')] },
    { source: 's0', sentence: 1, text: 'The Arvik council met at noon.', entities: story },
    { source: 's1', sentence: 1, text: 'The Arvik council met at noon.', entities: story },
  ];
  const draft = buildFacts(list).find((f) => f.members.some((m) => m.text === a));
  assert.deepEqual(
    draft?.members.map((m) => m.source),
    ['s0', 's1'],
  );
  assert.equal(draft?.status, 'conflict');
});
