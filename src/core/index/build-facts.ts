/**
 * Groups the sentences of all sources into facts. The unit is the clause, so a
 * sentence stating several facts is a member of each with its span. Two signals link clauses
 * of different sources: lexical similarity (char 4-gram Jaccard, idf-weighted content-word
 * overlap) and claim slots (the same quantity, rank, channel or official reaction reported in
 * a related sentence, whatever the value: lexical similarity alone cannot align a conflicting
 * number). Candidates come from an inverted index over words and slot keys, never all pairs.
 */
import { splitClauses } from '../claims/clauses.ts';
import { extractSlots, slotKey } from '../claims/slots.ts';
import { pushTo } from '../collections.ts';
import { charGrams, contentWords, jaccard } from '../compare/grams.ts';
import { averageLink, UnionFind } from './average-link.ts';
import type { Difference, Fact, FactMember, SlotValue, Stance } from './schema.ts';
import { storiesOf } from './stories.ts';

export interface FactSentence {
  source: string;
  /** Index of the sentence in its source. */
  sentence: number;
  text: string;
  caption?: boolean;
  published?: string | null;
  /** Entity mentions in the sentence (offsets into `text`). */
  entities?: { id: string; start: number; end: number }[];
  /** Offsets into `text` of the tokens the tagger calls verbs: what a clause says happened. */
  verbs?: number[];
}

interface Unit {
  /** Concepts of its verbs, each read with the word after it ("put forward" → "submit"). */
  actions: Set<string>;
  /** The entity it names first: in English news, mostly who acted. */
  subject: string | null;
  /** Stems of the names it prints. */
  nameWords: Set<string>;
  s: number;
  start: number;
  end: number;
  words: string[];
  grams: number[];
  slots: SlotValue[];
  /** Entity ids named in the clause, sorted. */
  entities: string[];
}

/** Slot keys that may align reports with different values. */
function comparable(key: string): boolean {
  return /^(?:number|duration|ordinal):|^(?:channel|response)$/.test(key);
}

/** Tunables, exported for the tests and the docs. */
export const FACT_THRESHOLDS = {
  /** Char-4-gram Jaccard at which two clauses state the same thing. */
  grams: 0.34,
  /** Idf-weighted content-word overlap (of the smaller clause) with at least `sharedWords` words. */
  words: 0.5,
  sharedWords: 3,
  /** The same overlap measured against the longer clause. */
  longerWords: 0.2,
  /** Within one story: weaker word overlap, if the char grams agree somewhat. */
  storyWords: 0.4,
  storyGrams: 0.15,
  /** Two dated reports of one action: word overlap needed besides the shared day-independent words. */
  datedWords: 0.15,
  /** Sentence-level word overlap required for two same-key slots to be the same fact. */
  slotContext: 0.12,
  /** Average linkage: share of cross-source pairs of two clusters that must be linked to merge them. */
  linkage: 0.3,
  /** Near-verbatim: wire copy. */
  wire: 0.6,
  /** Below this similarity to the rest of the fact, an agreeing member is "partial". */
  partial: 0.3,
} as const;

const WEEKDAY_WORD = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;

function hasDay(slots: SlotValue[]): boolean {
  return (
    slots.some((x) => slotKey(x) === 'date:day' && x.value.startsWith('weekday:')) ||
    slots.some((x) => slotKey(x) === 'date:day' && /^\d{4}-/.test(x.value))
  );
}

/** English light verbs: "made no mention", "take part" say what happened through their object. */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  contentWords('make made take took give gave get got do did have go went come came keep let'),
);

/**
 * Whether two clauses say the same thing happened: their verbs say so, or the same actor does
 * something to two of the same things besides its name ("<country> circulated a draft resolution"
 * / "<country> introduced a draft resolution").
 * A corpus without tags has no verbs to compare.
 */
function sharesAction(u: Unit, v: Unit): boolean {
  if (u.actions.size === 0 && v.actions.size === 0) return true;
  if (u.subject !== null && u.subject === v.subject) {
    const said = sharedWordList(u.words, v.words).filter(
      (w) => !WEEKDAY_WORD.test(w) && !u.nameWords.has(w) && !v.nameWords.has(w),
    );
    if (said.length >= 2) return true;
  }
  for (const a of u.actions) if (v.actions.has(a)) return true;
  return false;
}

function sharedWordList(a: string[], b: string[]): string[] {
  const set = new Set(a);
  return b.filter((w) => set.has(w));
}

/** Idf weight and number of the words two sorted word lists share. */
function sharedWords(
  a: string[],
  b: string[],
  idf: (w: string) => number,
): { weight: number; count: number } {
  let i = 0;
  let j = 0;
  let weight = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      weight += idf(x);
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { weight, count };
}

function magnitudeClose(a: SlotValue[], b: SlotValue[], key: string): boolean {
  if (!/^(?:number|duration):/.test(key)) return true;
  const va = a.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  const vb = b.filter((s) => slotKey(s) === key).map((s) => Number(s.value));
  // A daily toll and a cumulative toll differ by orders of magnitude: different facts.
  return va.some((x) => vb.some((y) => x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) <= 4));
}

function ordinalValue(v: string): string {
  return v === 'top' ? '1' : v;
}

function compatible(key: string, a: string[], b: string[]): boolean {
  if (key === 'channel') {
    const inside = (x: string, y: string) => {
      const xs = x.split(' ');
      const ys = new Set(y.split(' '));
      return xs.every((w) => ys.has(w));
    };
    return (
      a.every((x) => b.some((y) => inside(x, y) || inside(y, x))) &&
      b.every((y) => a.some((x) => inside(x, y) || inside(y, x)))
    );
  }
  const norm = (v: string[]) =>
    [...new Set(key.startsWith('ordinal:') ? v.map(ordinalValue) : v)].sort().join('|');
  return norm(a) === norm(b);
}

/** Days are comparable only when both are weekdays or both resolved dates. */
function dayClass(v: string): string | null {
  if (v.startsWith('weekday:')) return 'weekday';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'iso';
  return null;
}

/** Whether two clauses share a content word or a named entity. */
function clausesTouch(u: Unit, v: Unit): boolean {
  return sharedWordList(u.words, v.words).length > 0 || u.entities.some((e) => v.entities.includes(e));
}

/** Options: `onLink` reports every link with its reason (for `npm run eval -- --verbose` and tuning). */
export interface BuildFactsOptions {
  onLink?: (a: string, b: string, why: string) => void;
  /** Reports each step's duration in milliseconds (bench). */
  onPhase?: (name: string, ms: number) => void;
  /** Reads a clause's stems, in text order, as concepts (the corpus's paraphrase map): "put forward" meets "submit". */
  readWords?: (stems: string[]) => string[];
}

export function buildFacts(sentences: readonly FactSentence[], options: BuildFactsOptions = {}): Fact[] {
  let mark = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const say = (i: number, j: number, why: string) => {
    if (!options.onLink) return;
    const text = (k: number) => {
      const u = units[k]!;
      return `${sentences[u.s]!.source}: ${sentences[u.s]!.text.slice(u.start, u.end).slice(0, 70)}`;
    };
    options.onLink(text(i), text(j), why);
  };
  const units: Unit[] = [];
  const sentenceSlots: SlotValue[][] = [];
  const sentenceWords: string[][] = [];
  sentences.forEach((sen, s) => {
    const slots = sen.caption ? [] : extractSlots(sen.text, { published: sen.published ?? null });
    sentenceSlots.push(slots);
    const words = new Set<string>();
    for (const c of splitClauses(sen.text)) {
      const text = sen.text.slice(c.start, c.end);
      const stems = contentWords(text);
      const unitWords = (options.readWords ? options.readWords(stems) : stems).sort();
      const unitSlots = slots.filter((x) => x.start < c.end && x.end > c.start);
      const named = (sen.entities ?? []).filter((e) => e.start < c.end && e.end > c.start);
      const unitEntities = [...new Set(named.map((e) => e.id))].sort();
      // A clause without a content word, a name or a value states nothing on its own (the
      // connector "in which he said:" between a statement and its quote): no fact of its own.
      if (!unitWords.length && !unitSlots.length && !unitEntities.length) continue;
      const actions = new Set<string>();
      for (const at of sen.verbs ?? []) {
        if (at < c.start || at >= c.end) continue;
        const pair = /^\S+(?:\s+\S+)?/u.exec(sen.text.slice(at, c.end))?.[0] ?? '';
        const stems = contentWords(pair);
        for (const w of options.readWords ? options.readWords(stems) : stems)
          if (!LIGHT_VERBS.has(w) && !WEEKDAY_WORD.test(w)) actions.add(w);
      }
      const first = [...named].sort((a, b) => a.start - b.start)[0];
      units.push({
        actions,
        subject: first ? first.id : null,
        nameWords: new Set(named.flatMap((e) => contentWords(sen.text.slice(e.start, e.end)))),
        s,
        start: c.start,
        end: c.end,
        words: unitWords,
        grams: charGrams(text),
        slots: unitSlots,
        entities: unitEntities,
      });
      for (const w of units[units.length - 1]!.words) words.add(w);
    }
    sentenceWords.push([...words].sort());
  });

  phase('units');
  // Inverse document frequency over clauses.
  const df = new Map<string, number>();
  for (const u of units) for (const w of u.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + units.length / (df.get(w) ?? 1));
  const weight = (ws: string[]) => ws.reduce((n, w) => n + idf(w), 0);
  const unitWeight = units.map((u) => weight(u.words));
  // A constant cap keeps candidate generation linear in the corpus size.
  const maxDf = 60;

  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const w of u.words) {
      if ((df.get(w) ?? 0) > maxDf) continue;
      let list = postings.get(w);
      if (!list) {
        list = [];
        postings.set(w, list);
      }
      list.push(i);
    }
  });

  phase('postings');
  // Stories: sources that name mostly the same entities report the same events.
  const story = storiesOf(sentences);
  if (options.onLink) options.onLink('stories', JSON.stringify([...story.entries()]), 'stories');

  phase('stories');
  // Lexical links. Candidates share a word that is not everywhere; the score uses all words.
  const links: { i: number; j: number; strength: number }[] = [];
  units.forEach((u, i) => {
    const candidates = new Set<number>();
    for (const w of u.words) {
      const list = postings.get(w);
      if (!list) continue;
      for (const j of list) if (j > i) candidates.add(j);
    }
    const su = sentences[u.s]!;
    for (const j of candidates) {
      const v = units[j]!;
      const sv = sentences[v.s]!;
      if (sv.source === su.source) continue;
      // Across stories, two clauses naming only different entities are about different things
      // ("residents of A queued" / "residents of B queued"), however alike the wording.
      if (
        story.get(su.source) !== story.get(sv.source) &&
        u.entities.length > 0 &&
        v.entities.length > 0 &&
        !u.entities.some((e) => v.entities.includes(e))
      )
        continue;
      const { weight: sw, count } = sharedWords(u.words, v.words, idf);
      const overlapWords = sw / Math.max(1e-9, Math.min(unitWeight[i]!, unitWeight[j]!));
      // Relative to the longer clause too: a short clause inside a long sentence is not its twin.
      const overlapLonger = sw / Math.max(1e-9, Math.max(unitWeight[i]!, unitWeight[j]!));
      const grams = jaccard(u.grams, v.grams);
      const strength = Math.max(grams, (overlapWords + overlapLonger) / 2);
      let why = '';
      if (
        overlapWords >= FACT_THRESHOLDS.words &&
        overlapLonger >= FACT_THRESHOLDS.longerWords &&
        count >= FACT_THRESHOLDS.sharedWords
      )
        why = `words ${overlapWords.toFixed(2)}/${overlapLonger.toFixed(2)}`;
      else if (grams >= FACT_THRESHOLDS.grams) why = `grams ${grams.toFixed(2)}`;
      // Paraphrase within one story: fewer shared words suffice when the wording is close too.
      else if (
        story.get(su.source) === story.get(sv.source) &&
        overlapWords >= FACT_THRESHOLDS.storyWords &&
        overlapLonger >= FACT_THRESHOLDS.longerWords &&
        count >= FACT_THRESHOLDS.sharedWords &&
        grams >= FACT_THRESHOLDS.storyGrams
      )
        why = `story ${overlapWords.toFixed(2)}/${grams.toFixed(2)}`;
      // The same action dated in both reports ("submitted its draft on Tuesday" / "put forward
      // its draft Wednesday"): two shared words besides the day suffice within one story, one of
      // them what the verbs say happened (an envoy's visit and a draft's circulation on two days
      // share an "effort", not an action).
      else if (
        story.get(su.source) === story.get(sv.source) &&
        hasDay(u.slots) &&
        hasDay(v.slots) &&
        sharesAction(u, v) &&
        sharedWordList(u.words, v.words).filter((w) => !WEEKDAY_WORD.test(w)).length >= 2 &&
        overlapWords >= FACT_THRESHOLDS.datedWords
      )
        why = `dated ${overlapWords.toFixed(2)}`;
      if (!why) continue;
      links.push({ i, j, strength });
      say(i, j, why);
    }
  });
  const uf = averageLink(units.length, links, (i) => sentences[units[i]!.s]!.source, FACT_THRESHOLDS.linkage);

  phase('lexical links');
  // Slot links, one graph per comparable key: the same quantity, rank, channel or reaction
  // reported in a related sentence of the same story, whatever the value.
  const byKey = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const k of new Set(u.slots.map(slotKey).filter(comparable))) {
      let list = byKey.get(k);
      if (!list) {
        list = [];
        byKey.set(k, list);
      }
      list.push(i);
    }
  });
  const sentenceWeight = sentenceWords.map(weight);
  const slotClusters: number[][] = [];
  for (const [key, list] of [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const keyUf = new UnionFind(units.length);
    const linked = new Set<number>();
    // Candidates: units of the same story (blocked by story id), or sharing a rare sentence word.
    const local = new Map<string, number[]>();
    for (const i of list) {
      const sen = sentences[units[i]!.s]!;
      const tags = [`story:${story.get(sen.source)}`];
      for (const w of sentenceWords[units[i]!.s]!) if ((df.get(w) ?? 0) <= maxDf) tags.push(w);
      for (const t of tags) {
        const l = local.get(t) ?? [];
        l.push(i);
        local.set(t, l);
      }
    }
    for (const i of list) {
      const u = units[i]!;
      const su = sentences[u.s]!;
      const shared = new Map<number, number>();
      const sameStory = local.get(`story:${story.get(su.source)}`) ?? [];
      if (sameStory.length <= 400) for (const j of sameStory) if (j > i) shared.set(j, 0);
      for (const w of sentenceWords[u.s]!) {
        const l = local.get(w);
        if (!l) continue;
        for (const j of l) if (j > i) shared.set(j, (shared.get(j) ?? 0) + idf(w));
      }
      for (const [j, sw] of shared) {
        const v = units[j]!;
        const sv = sentences[v.s]!;
        if (sv.source === su.source) continue;
        const ctx = sw / Math.max(1e-9, Math.min(sentenceWeight[u.s]!, sentenceWeight[v.s]!));
        const together = story.get(sv.source) === story.get(su.source);
        if ((!together && ctx < FACT_THRESHOLDS.slotContext) || !magnitudeClose(u.slots, v.slots, key))
          continue;
        // Within one story the same kind of value still needs one word or name in common between
        // the two clauses: "told a TV channel" in an unrelated paragraph is another statement.
        if (
          together &&
          ctx < FACT_THRESHOLDS.slotContext &&
          !key.startsWith('number:') &&
          !clausesTouch(u, v)
        )
          continue;
        keyUf.union(i, j);
        say(i, j, `slot ${key}`);
        linked.add(i);
        linked.add(j);
      }
    }
    const byRoot = new Map<number, number[]>();
    for (const i of [...linked].sort((a, b) => a - b)) {
      const r = keyUf.find(i);
      pushTo(byRoot, r, i);
    }
    slotClusters.push(...byRoot.values());
  }

  phase('slot links');
  // Clusters of units: lexical ones, then slot ones not already inside one lexical cluster.
  const clusters = new Map<number, number[]>();
  units.forEach((_, i) => {
    const r = uf.find(i);
    pushTo(clusters, r, i);
  });
  const groups: number[][] = [];
  for (const members of clusters.values()) groups.push(members);
  const seenGroups = new Set<string>();
  for (const members of slotClusters) {
    const sig = members.join(',');
    if (seenGroups.has(sig)) continue;
    seenGroups.add(sig);
    const tally = new Map<number, number>();
    for (const i of members) tally.set(uf.find(i), (tally.get(uf.find(i)) ?? 0) + 1);
    const [root, n] = [...tally.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    if (tally.size === 1) continue;
    // Mostly one lexical fact already: the slot reports join it rather than forming a twin.
    const host = clusters.get(root);
    if (host && n >= members.length - 1) {
      const inHost = new Set(host);
      for (const i of members) if (!inHost.has(i)) host.push(i);
      host.sort((a, b) => a - b);
      continue;
    }
    // A lexical fact that lies wholly inside the slot cluster is the same report: it joins the
    // slot fact instead of standing beside it as a twin that shares its members.
    const merged = new Set(members);
    for (const [r] of tally) {
      const lexical = clusters.get(r);
      if (!lexical || lexical.length < 2 || !lexical.every((i) => merged.has(i))) continue;
      lexical.length = 0;
    }
    groups.push([...merged].sort((a, b) => a - b));
  }

  // Sentences that are members of a multi-source fact; others become single facts.
  const sourcesOf = (g: number[]) => new Set(g.map((i) => sentences[units[i]!.s]!.source));
  const facts: { units: number[] }[] = [];
  const inFact = new Set<number>();
  for (const g of groups) {
    if (sourcesOf(g).size < 2) continue;
    facts.push({ units: g });
    for (const i of g) inFact.add(i);
  }
  // Every clause belongs to a fact: a sentence's clauses in no multi-source fact form its single fact.
  const singles = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (inFact.has(i)) return;
    pushTo(singles, u.s, i);
  });
  for (const g of singles.values()) facts.push({ units: g });

  phase('clusters');
  const built = facts.map((f) => assemble(f.units, units, sentences));
  built.sort((a, b) => a.order - b.order || a.fact.members.length - b.fact.members.length);
  phase('assemble');
  return built.map((b, i) => ({ ...b.fact, id: `f${i}` }));
}

function assemble(
  ids: number[],
  units: readonly Unit[],
  sentences: readonly FactSentence[],
): { order: number; fact: Fact } {
  // One member per (source, sentence): the span covers its clauses in this fact.
  const bySentence = new Map<number, Unit[]>();
  for (const i of ids) {
    const u = units[i]!;
    pushTo(bySentence, u.s, u);
  }
  const order = Math.min(...bySentence.keys());
  const members: (FactMember & { grams: number[] })[] = [];
  const entityIds = new Set<string>();
  for (const [s, us] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const sen = sentences[s]!;
    const start = Math.min(...us.map((u) => u.start));
    const end = Math.max(...us.map((u) => u.end));
    const values = us.flatMap((u) => u.slots).filter((v, k, all) => all.indexOf(v) === k);
    for (const e of sen.entities ?? []) if (e.start < end && e.end > start) entityIds.add(e.id);
    members.push({
      source: sen.source,
      text: sen.text,
      stance: 'agrees',
      sentence: sen.sentence,
      span: { start, end },
      values: values.map((v) => ({ ...v })),
      grams: us.length === 1 ? us[0]!.grams : charGrams(sen.text.slice(start, end)),
    });
  }

  // Differences per comparable slot key, compared between sources.
  const keys = new Set(members.flatMap((m) => m.values.map(slotKey)));
  const differences: Difference[] = [];
  const conflicting = new Set<FactMember>();
  for (const key of [...keys].sort()) {
    const isDay = key === 'date:day';
    if (!comparable(key) && !isDay) continue;
    const perSource = new Map<string, { value: string; text: string }[]>();
    for (const m of members)
      for (const v of m.values) {
        if (slotKey(v) !== key) continue;
        if (isDay && dayClass(v.value) === null) continue;
        const list = perSource.get(m.source) ?? [];
        list.push({ value: v.value, text: v.text });
        perSource.set(m.source, list);
      }
    if (perSource.size < 2) continue;
    if (isDay && new Set([...perSource.values()].flat().map((v) => dayClass(v.value))).size > 1) continue;
    // The majority report is the value set most sources give; the others conflict with it.
    const sets = [...perSource.entries()].map(([source, vs]) => ({ source, values: vs.map((v) => v.value) }));
    const tally = new Map<string, { n: number; values: string[] }>();
    for (const s of sets) {
      const sig = [...new Set(key.startsWith('ordinal:') ? s.values.map(ordinalValue) : s.values)]
        .sort()
        .join('|');
      const t = tally.get(sig) ?? { n: 0, values: s.values };
      t.n++;
      tally.set(sig, t);
    }
    const majority = [...tally.values()].sort((a, b) => b.n - a.n)[0]!.values;
    const odd = sets.filter((s) => !compatible(key, s.values, majority));
    if (odd.length === 0) continue;
    differences.push({
      kind: key,
      values: [...perSource.entries()].flatMap(([source, vs]) =>
        vs.map((v) => ({ source, value: v.value, text: v.text })),
      ),
    });
    // A member conflicts when its own values for this slot differ from the majority's.
    for (const m of members) {
      if (!odd.some((o) => o.source === m.source)) continue;
      const own = m.values
        .filter((v) => slotKey(v) === key && !(isDay && dayClass(v.value) === null))
        .map((v) => v.value);
      if (own.length > 0 && !compatible(key, own, majority)) conflicting.add(m);
    }
  }

  const sources = new Set(members.map((m) => m.source));
  for (const m of members) {
    let best = 0;
    for (const o of members)
      if (o !== m && o.source !== m.source) best = Math.max(best, jaccard(m.grams, o.grams));
    let stance: Stance = 'agrees';
    if (conflicting.has(m)) stance = 'conflicts';
    else if (sources.size > 1 && best < FACT_THRESHOLDS.partial) stance = 'partial';
    m.stance = stance;
    if (best >= FACT_THRESHOLDS.wire) m.wire = true;
  }
  const status = differences.length > 0 ? 'conflict' : sources.size >= 2 ? 'corroborated' : 'single';
  // The label reads on its own: the first member whose span starts its sentence (or with a
  // capital, a digit or a quote), else the first member's span marked as a continuation
  // ("…who fled the country last week"), without the joint's trailing comma or colon.
  const spanText = (m: FactMember) => m.text.slice(m.span.start, m.span.end).replace(/\s+/g, ' ').trim();
  const standalone = (m: FactMember) => m.span.start === 0 || /^[\p{Lu}\p{N}"“‘'(]/u.test(spanText(m));
  const named = members.find(standalone);
  let label = spanText(named ?? members[0]!).replace(/[,;:]$/, '');
  if (!named) label = `…${label}`;
  if (label.length > 140) label = `${label.slice(0, 137).replace(/\s+\S*$/, '')}…`;
  const fact: Fact = {
    id: '',
    status,
    label,
    entities: [...entityIds].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    members: members.map(({ grams: _g, ...m }) => m),
    differences,
  };
  return { order, fact };
}
