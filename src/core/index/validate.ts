/**
 * Validates a parsed `index.json` before anything uses it (CONVENTIONS.md 2).
 *
 * The index is bundled, but a corrupt, truncated, hostile or wrong-version file must give one
 * clear error and leave the extension inert, never a half-working state. The check is structural
 * and bounded: every field the extension reads is checked for type, every reference between
 * sources, entities and facts must resolve, and offsets must lie inside their strings.
 */
import { type CorpusIndex, INDEX_VERSION } from './schema.ts';

/** Thrown with one message that says what is wrong and where (`facts[3].members[0].stance: …`). */
export class IndexError extends Error {
  override name = 'IndexError';
}

const STATUSES = new Set(['corroborated', 'conflict', 'single']);
const STANCES = new Set(['agrees', 'partial', 'conflicts']);
const TYPES = new Set(['person', 'place', 'organization', 'other']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(cond: boolean, where: string, what: string): asserts cond {
  if (!cond) throw new IndexError(`invalid index: ${where}: ${what}`);
}

function str(o: Obj, key: string, where: string, optional = false): string | null | undefined {
  const v = o[key];
  if (optional && (v === undefined || v === null)) return v as null | undefined;
  need(typeof v === 'string', `${where}.${key}`, 'expected a string');
  return v as string;
}

function arr(o: Obj, key: string, where: string): unknown[] {
  const v = o[key];
  need(Array.isArray(v), `${where}.${key}`, 'expected an array');
  return v as unknown[];
}

function int(v: unknown, where: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  need(
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
    where,
    `expected an integer in ${min}..${max}`,
  );
  return v as number;
}

/** An ISO day (YYYY-MM-DD): a source's time, the day a member reports about. */
function day(v: unknown, where: string): void {
  need(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), where, 'expected YYYY-MM-DD');
}

function span(v: unknown, where: string, length: number): void {
  need(isObj(v), where, 'expected {start, end}');
  const start = int(v.start, `${where}.start`, 0, length);
  int(v.end, `${where}.end`, start, length);
}

/**
 * Parses JSON text and validates it. Returns the index, or throws one IndexError.
 */
export function parseIndex(text: string): CorpusIndex {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new IndexError(`invalid index: not JSON (${(error as Error).message.slice(0, 120)})`);
  }
  return validateIndex(data);
}

/** Validates an already parsed value; returns it typed, or throws one IndexError. */
export function validateIndex(data: unknown): CorpusIndex {
  need(isObj(data), 'index', 'expected an object');
  // Versions 2 and 3 only added optional fields (labels, signature entities, paraphrases; then
  // credits and origins): an older index still reads, matches by wording alone and counts sources.
  need(
    typeof data.version === 'number' &&
      Number.isInteger(data.version) &&
      data.version >= 1 &&
      data.version <= INDEX_VERSION,
    'index.version',
    `expected version 1 to ${INDEX_VERSION}, found ${JSON.stringify(data.version)?.slice(0, 40)}`,
  );

  const sourceIds = new Set<string>();
  const sentenceCounts = new Map<string, number>();
  arr(data, 'sources', 'index').forEach((s, i) => {
    const w = `sources[${i}]`;
    need(isObj(s), w, 'expected an object');
    const id = str(s, 'id', w) as string;
    need(!sourceIds.has(id), `${w}.id`, `duplicate id ${JSON.stringify(id)}`);
    sourceIds.add(id);
    str(s, 'file', w);
    str(s, 'outlet', w, true);
    str(s, 'label', w, true);
    str(s, 'title', w, true);
    str(s, 'url', w, true);
    str(s, 'published', w, true);
    if (s.credit !== undefined) str(s, 'credit', w);
    if (s.time !== undefined) day(s.time, `${w}.time`);
    if (s.corpus !== undefined) str(s, 'corpus', w);
    const text = str(s, 'text', w) as string;
    const sentences = arr(s, 'sentences', w);
    sentences.forEach((sp, j) => {
      span(sp, `${w}.sentences[${j}]`, text.length);
    });
    sentenceCounts.set(id, sentences.length);
  });

  const originIds = new Set<string>();
  if (data.origins !== undefined)
    arr(data, 'origins', 'index').forEach((o, i) => {
      const w = `origins[${i}]`;
      need(isObj(o), w, 'expected an object');
      const id = str(o, 'id', w) as string;
      need(!originIds.has(id), `${w}.id`, `duplicate id ${JSON.stringify(id)}`);
      originIds.add(id);
      const members = arr(o, 'sources', w);
      need(members.length > 0, `${w}.sources`, 'an origin needs at least one source');
      members.forEach((sid, k) => {
        need(sourceIds.has(sid as string), `${w}.sources[${k}]`, `unknown source ${JSON.stringify(sid)}`);
      });
      str(o, 'credit', w, true);
      int(o.shared, `${w}.shared`);
    });

  const entityIds = new Set<string>();
  arr(data, 'entities', 'index').forEach((e, i) => {
    const w = `entities[${i}]`;
    need(isObj(e), w, 'expected an object');
    const id = str(e, 'id', w) as string;
    need(!entityIds.has(id), `${w}.id`, `duplicate id ${JSON.stringify(id)}`);
    entityIds.add(id);
    str(e, 'name', w);
    need(TYPES.has(e.type as string), `${w}.type`, 'expected person | place | organization | other');
    int(e.mentions, `${w}.mentions`);
    arr(e, 'aliases', w).forEach((a, j) => {
      const aw = `${w}.aliases[${j}]`;
      need(isObj(a), aw, 'expected an object');
      str(a, 'text', aw);
      arr(a, 'sources', aw).forEach((sid, k) => {
        need(sourceIds.has(sid as string), `${aw}.sources[${k}]`, `unknown source ${JSON.stringify(sid)}`);
      });
    });
  });

  const factIds = new Set<string>();
  arr(data, 'facts', 'index').forEach((f, i) => {
    const w = `facts[${i}]`;
    need(isObj(f), w, 'expected an object');
    const id = str(f, 'id', w) as string;
    need(!factIds.has(id), `${w}.id`, `duplicate id ${JSON.stringify(id)}`);
    factIds.add(id);
    need(STATUSES.has(f.status as string), `${w}.status`, 'expected corroborated | conflict | single');
    str(f, 'label', w);
    arr(f, 'entities', w).forEach((eid, k) => {
      need(entityIds.has(eid as string), `${w}.entities[${k}]`, `unknown entity ${JSON.stringify(eid)}`);
    });
    const members = arr(f, 'members', w);
    need(members.length > 0, `${w}.members`, 'a fact needs at least one member');
    members.forEach((m, j) => {
      const mw = `${w}.members[${j}]`;
      need(isObj(m), mw, 'expected an object');
      const source = str(m, 'source', mw) as string;
      need(sourceIds.has(source), `${mw}.source`, `unknown source ${JSON.stringify(source)}`);
      const text = str(m, 'text', mw) as string;
      need(STANCES.has(m.stance as string), `${mw}.stance`, 'expected agrees | partial | conflicts');
      int(m.sentence, `${mw}.sentence`, 0, Math.max(0, (sentenceCounts.get(source) ?? 0) - 1));
      span(m.span, `${mw}.span`, text.length);
      str(m, 'attribution', mw, true);
      if (m.when !== undefined) day(m.when, `${mw}.when`);
      if (m.origin !== undefined)
        need(
          originIds.has(m.origin as string),
          `${mw}.origin`,
          `unknown origin ${JSON.stringify(m.origin)?.slice(0, 40)}`,
        );
      arr(m, 'values', mw).forEach((v, k) => {
        const vw = `${mw}.values[${k}]`;
        need(isObj(v), vw, 'expected an object');
        str(v, 'kind', vw);
        str(v, 'text', vw);
        str(v, 'value', vw);
        str(v, 'attribution', vw, true);
        span(v, vw, text.length);
      });
    });
    if (f.timeline !== undefined) {
      const tw = `${w}.timeline`;
      need(isObj(f.timeline), tw, 'expected an object');
      need(
        f.timeline.kind === 'updated' || f.timeline.kind === 'timeline',
        `${tw}.kind`,
        'expected updated | timeline',
      );
      str(f.timeline, 'key', tw);
      arr(f.timeline, 'steps', tw).forEach((st, k) => {
        const sw = `${tw}.steps[${k}]`;
        need(isObj(st), sw, 'expected an object');
        str(st, 'time', sw);
        str(st, 'text', sw);
        str(st, 'value', sw);
        arr(st, 'sources', sw).forEach((sid, n) => {
          need(sourceIds.has(sid as string), `${sw}.sources[${n}]`, 'unknown source');
        });
      });
    }
    arr(f, 'differences', w).forEach((d, k) => {
      const dw = `${w}.differences[${k}]`;
      need(isObj(d), dw, 'expected an object');
      str(d, 'kind', dw);
      arr(d, 'values', dw).forEach((v, n) => {
        need(isObj(v), `${dw}.values[${n}]`, 'expected an object');
        need(sourceIds.has(v.source as string), `${dw}.values[${n}].source`, 'unknown source');
        str(v, 'value', `${dw}.values[${n}]`);
        str(v, 'text', `${dw}.values[${n}]`);
      });
    });
  });

  need(isObj(data.matcher), 'index.matcher', 'expected an object');
  const matcher = data.matcher;
  arr(matcher, 'names', 'matcher').forEach((n, i) => {
    const w = `matcher.names[${i}]`;
    need(isObj(n), w, 'expected an object');
    need(entityIds.has(n.entity as string), `${w}.entity`, 'unknown entity');
    const keys = arr(n, 'keys', w);
    need(keys.length > 0 && keys.length <= 12, `${w}.keys`, 'expected 1..12 keys');
    keys.forEach((k, j) => {
      need(typeof k === 'string' && k.length > 0, `${w}.keys[${j}]`, 'expected a key');
    });
    for (const field of ['lower', 'caps'] as const) {
      if (n[field] === undefined) continue;
      arr(n, field, w).forEach((p, k) => {
        int(p, `${w}.${field}[${k}]`, 0, keys.length - 1);
      });
    }
    if (n.spellings !== undefined) {
      arr(n, 'spellings', w).forEach((x, k) => {
        need(typeof x === 'string', `${w}.spellings[${k}]`, 'expected a string');
      });
    }
  });
  arr(matcher, 'claims', 'matcher').forEach((c, i) => {
    const w = `matcher.claims[${i}]`;
    need(isObj(c), w, 'expected an object');
    need(factIds.has(c.fact as string), `${w}.fact`, 'unknown fact');
    need(sourceIds.has(c.source as string), `${w}.source`, 'unknown source');
    arr(c, 'grams', w).forEach((g, j) => {
      int(g, `${w}.grams[${j}]`, 0, 0xffffffff);
    });
    arr(c, 'slots', w).forEach((s, j) => {
      need(isObj(s), `${w}.slots[${j}]`, 'expected an object');
      str(s, 'kind', `${w}.slots[${j}]`);
      str(s, 'key', `${w}.slots[${j}]`);
      str(s, 'value', `${w}.slots[${j}]`);
    });
    arr(c, 'words', w).forEach((x, j) => {
      need(typeof x === 'string', `${w}.words[${j}]`, 'expected a string');
    });
    for (const field of ['nameWords', 'asked', 'done'] as const)
      if (c[field] !== undefined)
        arr(c, field, w).forEach((x, j) => {
          need(typeof x === 'string', `${w}.${field}[${j}]`, 'expected a string');
        });
    if (c.entities !== undefined)
      arr(c, 'entities', w).forEach((x, j) => {
        need(entityIds.has(x as string), `${w}.entities[${j}]`, 'unknown entity');
      });
  });
  if (matcher.paraphrases !== undefined) {
    const p = matcher.paraphrases;
    need(isObj(p), 'matcher.paraphrases', 'expected an object of word → word');
    for (const [k, v] of Object.entries(p as Record<string, unknown>))
      need(typeof v === 'string' && v.length > 0, `matcher.paraphrases.${k.slice(0, 40)}`, 'expected a word');
  }
  if (matcher.people !== undefined) {
    need(Array.isArray(matcher.people), 'matcher.people', 'expected an array of entity ids');
    (matcher.people as unknown[]).forEach((x, j) => {
      need(typeof x === 'string' && entityIds.has(x), `matcher.people[${j}]`, 'unknown entity');
    });
  }
  if (matcher.roles !== undefined) {
    const r = matcher.roles;
    need(isObj(r), 'matcher.roles', 'expected an object of role → role');
    for (const [k, v] of Object.entries(r as Record<string, unknown>))
      need(typeof v === 'string' && v.length > 0, `matcher.roles.${k.slice(0, 40)}`, 'expected a role');
  }
  if (matcher.seats !== undefined) {
    const t = matcher.seats;
    need(isObj(t), 'matcher.seats', 'expected an object of entity id → entity id');
    for (const [k, v] of Object.entries(t as Record<string, unknown>)) {
      need(entityIds.has(k), `matcher.seats.${k.slice(0, 40)}`, 'unknown entity');
      need(typeof v === 'string' && entityIds.has(v), `matcher.seats.${k.slice(0, 40)}`, 'unknown entity');
    }
  }
  if (matcher.channels !== undefined) {
    const c = matcher.channels;
    need(isObj(c), 'matcher.channels', 'expected an object of entity id → channel');
    for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
      need(entityIds.has(k), `matcher.channels.${k.slice(0, 40)}`, 'unknown entity');
      need(typeof v === 'string' && v.length > 0, `matcher.channels.${k.slice(0, 40)}`, 'expected a channel');
    }
  }

  return data as unknown as CorpusIndex;
}
