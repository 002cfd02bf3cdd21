import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyIndex, INDEX_VERSION } from '../../src/core/index/schema.ts';
import { IndexError, parseIndex, validateIndex } from '../../src/core/index/validate.ts';

function sample() {
  const index = emptyIndex();
  index.sources.push({
    id: 's0',
    file: 'a.txt',
    outlet: 'Example',
    text: 'One two. Three four.',
    sentences: [
      { start: 0, end: 8 },
      { start: 9, end: 20 },
    ],
  });
  index.entities.push({
    id: 'e0',
    name: 'One',
    type: 'person',
    mentions: 1,
    aliases: [{ text: 'One', sources: ['s0'] }],
  });
  index.facts.push({
    id: 'f0',
    status: 'single',
    label: 'One two',
    entities: ['e0'],
    differences: [],
    members: [
      {
        source: 's0',
        text: 'One two.',
        stance: 'agrees',
        sentence: 0,
        span: { start: 0, end: 7 },
        values: [],
      },
    ],
  });
  index.matcher.names.push({ entity: 'e0', keys: ['one'] });
  index.matcher.claims.push({ fact: 'f0', source: 's0', grams: [1, 2], slots: [], words: ['one'] });
  return index;
}

test('a well-formed index passes', () => {
  assert.equal(validateIndex(sample()).facts.length, 1);
  assert.equal(parseIndex(JSON.stringify(sample())).version, INDEX_VERSION);
});

test('truncated JSON gives one clear error', () => {
  const text = JSON.stringify(sample());
  assert.throws(
    () => parseIndex(text.slice(0, text.length / 2)),
    (e: Error) => e instanceof IndexError && /not JSON/.test(e.message),
  );
});

test('a wrong version is refused', () => {
  assert.throws(
    () => validateIndex({ ...sample(), version: 99 }),
    /index.version: expected version 1 to 3, found 99/,
  );
});

test('dangling references and bad offsets are refused with their path', () => {
  const a = sample();
  a.facts[0]!.members[0]!.source = 'nope';
  assert.throws(() => validateIndex(a), /facts\[0\]\.members\[0\]\.source: unknown source/);
  const b = sample();
  b.facts[0]!.members[0]!.span = { start: 3, end: 99 };
  assert.throws(() => validateIndex(b), /facts\[0\]\.members\[0\]\.span\.end/);
  const c = sample();
  (c.facts[0] as { status: string }).status = '<img src=x onerror=alert(1)>';
  assert.throws(() => validateIndex(c), /facts\[0\]\.status/);
  const d = sample();
  d.matcher.names[0]!.entity = 'e9';
  assert.throws(() => validateIndex(d), /matcher\.names\[0\]\.entity: unknown entity/);
  const e = sample();
  e.matcher.names[0]!.caps = [3];
  assert.throws(() => validateIndex(e), /matcher\.names\[0\]\.caps\[0\]/);
  const f = sample();
  (f.matcher.names[0] as { spellings: unknown }).spellings = [7];
  assert.throws(() => validateIndex(f), /matcher\.names\[0\]\.spellings\[0\]/);
});

test('non-objects are refused', () => {
  for (const bad of [null, 1, 'x', [], { version: 1 }]) assert.throws(() => validateIndex(bad), IndexError);
});

test('version 1 and 2 indexes still validate; an unknown version does not', () => {
  assert.equal(validateIndex({ ...emptyIndex(), version: 1 }).version, 1);
  assert.equal(validateIndex({ ...emptyIndex(), version: 2 }).version, 2);
  assert.equal(validateIndex(emptyIndex()).version, 3);
  for (const bad of [0, 4, 2.5, '3'])
    assert.throws(() => validateIndex({ ...emptyIndex(), version: bad }), IndexError);
});

test('origins name known sources, and members name known origins', () => {
  const good = sample();
  good.origins = [{ id: 'o0', sources: [good.sources[0]!.id], credit: null, shared: 0 }];
  good.facts[0]!.members[0]!.origin = 'o0';
  good.sources[0]!.credit = 'Newswire';
  assert.equal(validateIndex(good).origins?.length, 1);
  const a = structuredClone(good);
  a.facts[0]!.members[0]!.origin = 'o9';
  assert.throws(() => validateIndex(a), /facts\[0\]\.members\[0\]\.origin: unknown origin/);
  const b = structuredClone(good);
  b.origins![0]!.sources = ['s99'];
  assert.throws(() => validateIndex(b), /origins\[0\]\.sources\[0\]: unknown source/);
  const c = structuredClone(good);
  (c.origins![0] as { shared: unknown }).shared = -1;
  assert.throws(() => validateIndex(c), /origins\[0\]\.shared/);
  const d = structuredClone(good);
  (d.sources[0] as { credit: unknown }).credit = 7;
  assert.throws(() => validateIndex(d), /sources\[0\]\.credit/);
  const e = structuredClone(good);
  delete e.origins;
  assert.throws(() => validateIndex(e), /unknown origin/);
  const f = structuredClone(good);
  (f.sources[0] as { time: unknown }).time = 'yesterday';
  assert.throws(() => validateIndex(f), /sources\[0\]\.time: expected YYYY-MM-DD/);
  const g = structuredClone(good);
  g.facts[0]!.timeline = { kind: 'later' as 'updated', key: 'number', steps: [] };
  assert.throws(() => validateIndex(g), /facts\[0\]\.timeline\.kind/);
  const k = structuredClone(good);
  k.facts[0]!.timeline = {
    kind: 'updated',
    key: 'number',
    steps: [{ time: '2031-01-01', text: '4', value: '4', sources: ['s9'] }],
  };
  assert.throws(() => validateIndex(k), /timeline\.steps\[0\]\.sources\[0\]: unknown source/);
});

test('the matcher channels and people name known entities', () => {
  const good = sample();
  good.matcher.channels = { e0: 'one' };
  good.matcher.people = ['e0'];
  assert.equal(validateIndex(good).matcher.people?.length, 1);
  const badChannel = sample();
  badChannel.matcher.channels = { e9: 'one' };
  assert.throws(
    () => validateIndex(badChannel),
    (e: unknown) => e instanceof IndexError && /matcher\.channels\.e9/.test(e.message),
  );
  const badPeople = sample();
  (badPeople.matcher as { people: unknown }).people = ['e0', 7];
  assert.throws(
    () => validateIndex(badPeople),
    (e: unknown) => e instanceof IndexError && /matcher\.people\[1\]/.test(e.message),
  );
});

test('the matcher roles map a role to a role', () => {
  const good = sample();
  good.matcher.roles = { envoy: 'diplomat' };
  assert.equal(validateIndex(good).matcher.roles?.envoy, 'diplomat');
  const bad = sample();
  (bad.matcher as { roles: unknown }).roles = { envoy: 3 };
  assert.throws(
    () => validateIndex(bad),
    (e: unknown) => e instanceof IndexError && /matcher\.roles\.envoy/.test(e.message),
  );
  const notObject = sample();
  (notObject.matcher as { roles: unknown }).roles = ['envoy'];
  assert.throws(() => validateIndex(notObject), IndexError);
});
