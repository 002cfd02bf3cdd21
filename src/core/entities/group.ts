/**
 * Groups name mentions across sources into typed entities, by spelling rules only:
 * exact spelling keys (titles, possessives, particles and transliteration folded), misspelt
 * first names (Jaro–Winkler ≥ 0.9 on names of five letters or more), acronyms as initials,
 * organisation names contained in exactly one longer one, and bare surnames resolved to the
 * most-mentioned full name (in the same source first). An unknown first name before a known
 * surname stays a different person (a relative), because only the bare surname is resolved.
 */

import { pushTo } from '../collections.ts';
import type { EntityType } from '../index/schema.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import { isParticle, nameKeys, stripPossessive } from './name-key.ts';

export interface MentionInput {
  source: string;
  text: string;
  title?: string;
  before?: string;
  after?: string;
}

export interface GroupedEntity {
  name: string;
  type: EntityType;
  aliases: { text: string; sources: string[] }[];
  mentions: number;
  /** Index of each input mention that belongs here. */
  members: number[];
}

const ORG_END =
  /^(?:council|committees?|guard|league|party|union|ministry|bank|agency|army|front|movement|organi[sz]ation|nations|forces|coalition|group|institute|university|association|commission|court|parliament|assembly|network|news|times|post|press|mail|tv|radio|corporation|company|inc|ltd|brigade|brigades|battalion|police|office|department|board|foundation|fund|party|alliance|federation|church|committee|senate|congress|house|agency|service|services)$/i;
const PERSON_TITLE =
  /^(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|president|general|gen|brigadier|colonel|col|lieutenant|lt|major|maj|captain|capt|sergeant|sgt|admiral|king|queen|prince|princess|emir|sheikh|imam|rev|reverend|pope|bishop|senator|sen|rep|governor|gov|mayor|minister|premier|chancellor|secretary|ambassador|envoy|mediator|judge|justice|spokesman|spokeswoman|leader|chairman|chairwoman|director)\.?$/i;
const PLACE_BEFORE = /^(?:in|from|near|across|into|inside|outside|to|toward|towards|via|throughout|around)$/;
const PERSON_AFTER =
  /^(?:said|says|told|added|wrote|asked|urged|announced|insisted|warned|denied|explained|stated)$/;

/** True when a name's last word is an organisation noun ("Nordic Council", "Likud party"). */
export function endsWithOrganisationNoun(text: string): boolean {
  const ws = words(text);
  return ws.length > 1 && ORG_END.test(ws[ws.length - 1]!);
}

let countryNames: Set<string> | null = null;

/** Country and region names from the runtime's own locale data (no list in the source). */
function countries(): Set<string> {
  if (countryNames) return countryNames;
  countryNames = new Set();
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    const A = 65;
    for (let a = 0; a < 26; a++)
      for (let b = 0; b < 26; b++) {
        const code = String.fromCharCode(A + a, A + b);
        const name = names.of(code);
        if (name && name !== code) countryNames.add(name.toLowerCase());
      }
  } catch {
    // No Intl region data: typing falls back to context cues.
  }
  return countryNames;
}

function words(text: string): string[] {
  return stripPossessive(text)
    .split(/[\s\u00a0]+/u)
    .filter(Boolean);
}

function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(text);
}

/** Initials of a multi-word name, skipping particles and "of/and/the" ("Nordic Trade Union" → "ntu"). */
export function initials(text: string): string {
  return words(text)
    .flatMap((w) => w.split('-'))
    .filter((w) => !/^(?:of|and|the|for|de|la)$/i.test(w) && !isParticle(w) && /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
}

interface Cluster {
  keys: string[];
  /** Mention indexes. */
  members: number[];
  votes: Record<EntityType, number>;
  parent: number;
}

/** Organisations such as "Al Arabiya" keep their leading particle: it is not a person's article. */
function keysFor(text: string, orgLike: boolean): string[] {
  return orgLike ? nameKeys(text, { keepParticles: true }) : nameKeys(text);
}

function typeVotes(m: MentionInput): Record<EntityType, number> {
  const v: Record<EntityType, number> = { person: 0, place: 0, organization: 0, other: 0 };
  const ws = words(m.text);
  const last = ws[ws.length - 1] ?? '';
  if (m.title?.split(/\s+/).some((t) => PERSON_TITLE.test(t))) v.person += 3;
  if (ORG_END.test(last)) v.organization += 3;
  if (ws.length === 1 && isAcronym(ws[0]!)) v.organization += 1;
  if (countries().has(stripPossessive(m.text).toLowerCase())) v.place += 4;
  if (m.before && PLACE_BEFORE.test(m.before)) v.place += 1;
  if (m.after && PERSON_AFTER.test(m.after)) v.person += 1;
  if (ws.length >= 2 && ws.length <= 4 && !ORG_END.test(last)) v.person += 0.5;
  if (/^(?:the)$/i.test(m.before ?? '')) v.organization += 0.5;
  return v;
}

/**
 * Groups mentions into entities. Deterministic: clusters are ordered by first mention.
 */
export function groupMentions(mentions: readonly MentionInput[]): GroupedEntity[] {
  // 1. One cluster per spelling key sequence.
  const clusters: Cluster[] = [];
  const byKey = new Map<string, number>();
  const mentionCluster: number[] = [];
  const mentionVotes: Record<EntityType, number>[] = [];
  // "Al X" is a person's article only when X is the surname of a multi-word name ("Al Arabiya" is not).
  const surnames = new Set<string>();
  for (const m of mentions) {
    const ws = words(m.text);
    if (ws.length >= 2 && !/^al$/i.test(ws[0]!)) {
      const k = nameKeys(m.text);
      if (k.length >= 2) surnames.add(k[k.length - 1]!);
    }
  }
  mentions.forEach((m, i) => {
    const ws = words(m.text);
    const alLed = ws.length >= 2 && /^al$/i.test(ws[0]!);
    const votes = typeVotes(m);
    const orgLike = alLed && !surnames.has(nameKeys(ws.slice(1).join(' '))[0] ?? '');
    if (orgLike) votes.organization += 2;
    mentionVotes.push(votes);
    const keys = keysFor(m.text, orgLike);
    const sig = keys.join(' ');
    let c = byKey.get(sig);
    if (c === undefined) {
      c = clusters.length;
      clusters.push({
        keys,
        members: [],
        votes: { person: 0, place: 0, organization: 0, other: 0 },
        parent: c,
      });
      byKey.set(sig, c);
    }
    const cl = clusters[c]!;
    cl.members.push(i);
    for (const t of Object.keys(votes) as EntityType[]) cl.votes[t] += votes[t];
    mentionCluster.push(c);
  });

  const find = (x: number): number => {
    let r = x;
    while (clusters[r]!.parent !== r) r = clusters[r]!.parent;
    clusters[x]!.parent = r;
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    clusters[drop]!.parent = keep;
  };
  const size = (c: number) => clusters[c]!.members.length;
  const firstWord = (c: number) => {
    const m = mentions[clusters[c]!.members[0]!]!;
    return (words(m.text).find((w) => !isParticle(w)) ?? '').toLowerCase();
  };
  const typeOf = (c: number): EntityType => {
    const v = clusters[c]!.votes;
    const best = (Object.keys(v) as EntityType[]).reduce((a, b) => (v[b] > v[a] ? b : a), 'other');
    return v[best] > 0 ? best : 'other';
  };

  // 2. Misspelt first names: same surname key, first names ≥ 5 letters with Jaro–Winkler ≥ 0.9.
  const multi = clusters.map((_, i) => i).filter((i) => clusters[i]!.keys.length >= 2);
  const bySurname = new Map<string, number[]>();
  for (const c of multi) {
    const k = clusters[c]!.keys[clusters[c]!.keys.length - 1]!;
    pushTo(bySurname, k, c);
  }
  for (const group of bySurname.values()) {
    for (let a = 0; a < group.length; a++)
      for (let b = a + 1; b < group.length; b++) {
        const ca = group[a]!;
        const cb = group[b]!;
        if (clusters[ca]!.keys.length !== clusters[cb]!.keys.length) continue;
        const fa = firstWord(ca);
        const fb = firstWord(cb);
        if (fa.length >= 5 && fb.length >= 5 && jaroWinkler(fa, fb) >= 0.9) union(ca, cb);
      }
  }

  // 3. Acronyms = initials of exactly one multi-word name (the most mentioned when several).
  const initialsOf = new Map<string, number>();
  for (const c of multi) {
    const ini = initials(mentions[clusters[c]!.members[0]!]!.text);
    if (ini.length < 2) continue;
    const prev = initialsOf.get(ini);
    if (prev === undefined || size(c) > size(prev)) initialsOf.set(ini, c);
  }
  clusters.forEach((cl, c) => {
    if (cl.keys.length !== 1) return;
    const text = stripPossessive(mentions[cl.members[0]!]!.text);
    if (!isAcronym(text)) return;
    const host = initialsOf.get(text.replace(/\./g, '').toLowerCase());
    if (host !== undefined) union(c, host);
  });

  // 4. Organisation names contained at the end or start of exactly one longer name.
  const orgs = clusters.map((_, i) => i).filter((i) => typeOf(i) === 'organization');
  // Index every proper head and tail of each organisation's keys, so containment is a lookup.
  const containers = new Map<string, number[]>();
  for (const h of orgs) {
    const hk = clusters[h]!.keys;
    for (let k = 2; k < hk.length; k++) {
      pushTo(containers, `head:${hk.slice(0, k).join(' ')}`, h);
      pushTo(containers, `tail:${hk.slice(hk.length - k).join(' ')}`, h);
    }
  }
  for (const c of orgs) {
    const k = clusters[c]!.keys;
    if (k.length < 2) continue;
    const sig = k.join(' ');
    const hosts = [
      ...new Set([...(containers.get(`head:${sig}`) ?? []), ...(containers.get(`tail:${sig}`) ?? [])]),
    ].filter((h) => h !== c);
    const roots = new Set(hosts.map(find));
    if (roots.size === 1) union(c, hosts[0]!);
  }

  // 5. Bare surnames → the most-mentioned full person name with that surname (same source first).
  const personRoots = new Map<string, number[]>();
  for (const c of multi) {
    const r = find(c);
    if (typeOf(c) !== 'person' && typeOf(r) !== 'person') continue;
    // A name joined by a lower-case word ("Committees of <Place>") names a body, not a person
    // whose surname that last word would be.
    const text = mentions[clusters[c]!.members[0]!]!.text;
    if (words(text).some((w) => /^\p{Ll}[^\p{Lu}]*$/u.test(w) && !isParticle(w))) continue;
    const k = clusters[c]!.keys[clusters[c]!.keys.length - 1]!;
    const list = personRoots.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    personRoots.set(k, list);
  }
  // Mentions and sources per root, computed once (not per comparison).
  const rootCount = new Map<number, number>();
  const rootSourceSet = new Map<number, Set<string>>();
  clusters.forEach((cl, i) => {
    const r = find(i);
    rootCount.set(r, (rootCount.get(r) ?? 0) + cl.members.length);
    let set = rootSourceSet.get(r);
    if (!set) {
      set = new Set();
      rootSourceSet.set(r, set);
    }
    for (const m of cl.members) set.add(mentions[m]!.source);
  });
  const rootMentions = (r: number) => rootCount.get(r) ?? 0;
  const rootSources = (r: number) => rootSourceSet.get(r) ?? new Set<string>();
  const reassign = new Map<number, number>();
  clusters.forEach((cl, c) => {
    if (cl.keys.length !== 1 || find(c) !== c) return;
    const candidates = personRoots.get(cl.keys[0]!);
    if (!candidates || candidates.length === 0) return;
    if (isAcronym(stripPossessive(mentions[cl.members[0]!]!.text))) return;
    // Per mention: prefer a full name the same source uses, then the corpus's most mentioned.
    for (const m of cl.members) {
      const source = mentions[m]!.source;
      const ranked = [...candidates].sort((a, b) => {
        const sa = rootSources(a).has(source) ? 1 : 0;
        const sb = rootSources(b).has(source) ? 1 : 0;
        return sb - sa || rootMentions(b) - rootMentions(a) || a - b;
      });
      reassign.set(m, ranked[0]!);
    }
  });

  // 6. Assemble entities.
  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const r = reassign.get(i) ?? find(mentionCluster[i]!);
    pushTo(groups, r, i);
  });
  const out: GroupedEntity[] = [];
  // Members were pushed in mention order, so each list's first entry is its first mention.
  for (const [root, members] of [...groups.entries()].sort((a, b) => a[1][0]! - b[1][0]!)) {
    const aliasMap = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    const votes: Record<EntityType, number> = { person: 0, place: 0, organization: 0, other: 0 };
    for (const m of members) {
      const mm = mentions[m]!;
      const text = stripPossessive(mm.text);
      if (!aliasMap.has(text)) aliasMap.set(text, new Set());
      aliasMap.get(text)!.add(mm.source);
      counts.set(text, (counts.get(text) ?? 0) + 1);
      const v = mentionVotes[m]!;
      for (const t of Object.keys(v) as EntityType[]) votes[t] += v[t];
    }
    void root;
    const aliases = [...aliasMap.entries()].map(([text, s]) => ({ text, sources: [...s].sort() }));
    const name = [...counts.entries()].sort(
      (a, b) => nameKeys(b[0]).length - nameKeys(a[0]).length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0]![0];
    const best = (Object.keys(votes) as EntityType[]).reduce(
      (a, b) => (votes[b] > votes[a] ? b : a),
      'other',
    );
    out.push({ name, type: votes[best] > 0 ? best : 'other', aliases, mentions: members.length, members });
  }
  return out;
}
