/**
 * One fact from its units: a member per source sentence (its span covering the sentence's clauses
 * in the fact), the differences between sources per comparable slot, each member's stance, and a
 * label that reads on its own.
 */
import { slotKey } from '../claims/slots.ts';
import { pushTo } from '../collections.ts';
import { charGrams, jaccard } from '../compare/grams.ts';
import { comparable, FACT_THRESHOLDS } from './fact-thresholds.ts';
import type { FactSentence, Unit } from './fact-units.ts';
import type { Difference, Fact, FactMember, FactStatus, Stance } from './schema.ts';

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

/** A fact conflicts where its sources differ on a value, else is corroborated by two or more. */
export function factStatus(differences: number, sources: number): FactStatus {
  return differences > 0 ? 'conflict' : sources >= 2 ? 'corroborated' : 'single';
}

export function assemble(
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
  const status = factStatus(differences.length, sources.size);
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
