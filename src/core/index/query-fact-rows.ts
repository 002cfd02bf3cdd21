/**
 * The fact card's view model: one row per source of the corpus, that source's own
 * sentence cut into segments so the popup can bold the values that differ between sources and
 * set off the part of the sentence that states the fact, and "not reported" rows for the rest.
 */

import { memberAttributions } from './attributions.ts';
import { sourceLabel } from './query.ts';
import { reportsOf } from './reports.ts';
import type { CorpusIndex, Fact, FactMember, Stance } from './schema.ts';

/** A run of a member sentence: `bold` for a differing value, `span` inside the part that states the fact. */
export interface Segment {
  text: string;
  bold: boolean;
  span: boolean;
}

/** One source's row on a fact card. `member` is null when the source does not report the fact. */
export interface FactRow {
  source: string;
  outlet: string;
  stance: Stance | null;
  /** Index of the sentence in the source, for opening the reader view at it. */
  sentence: number | null;
  wire: boolean;
  /**
   * Set when other sources of the fact print this row's report (one wire story): the report's
   * credit, or '' when it names none. Null for a report of the source's own.
   */
  copy: string | null;
  /** The report's id in the index's origins (null for an older index or a "not reported" row). */
  origin: string | null;
  /**
   * Whom the source attributes the fact to, then each value it attributes to someone else, as
   * "value — who" ("more than 10,000 — <agency>"); empty where the outlet states it itself.
   */
  attributions: string[];
  segments: Segment[];
}

/**
 * Slot kinds whose values differ between the members: the kinds the index lists as differences,
 * and any kind for which the members that state it give more than one normalised value.
 */
export function differingKinds(fact: Fact): Set<string> {
  const kinds = new Set<string>();
  for (const d of fact.differences) {
    if (new Set(d.values.map((v) => v.value)).size > 1) kinds.add(d.kind);
  }
  const values = new Map<string, Set<string>>();
  for (const m of fact.members) {
    for (const v of m.values) {
      const set = values.get(v.kind) ?? new Set<string>();
      values.set(v.kind, set);
      set.add(v.value);
    }
  }
  for (const [kind, set] of values) if (set.size > 1) kinds.add(kind);
  return kinds;
}

/** Cuts a member's sentence at its span and at the differing values' offsets. */
export function segmentMember(member: FactMember, bold: Set<string>): Segment[] {
  const { text } = member;
  const ranges = member.values
    .filter((v) => bold.has(v.kind) && v.start < v.end && v.end <= text.length)
    .map((v) => [v.start, v.end] as const)
    .sort((a, b) => a[0] - b[0]);
  const cuts = new Set([0, text.length, member.span.start, member.span.end]);
  for (const [s, e] of ranges) cuts.add(s).add(e);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const isBold = ranges.some(([s, e]) => s <= start && end <= e);
    const inSpan = member.span.start <= start && end <= member.span.end;
    const last = segments[segments.length - 1];
    if (last && last.bold === isBold && last.span === inSpan) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), bold: isBold, span: inSpan });
  }
  return segments;
}

const ORDER: Record<Stance, number> = { agrees: 0, partial: 1, conflicts: 2 };

/**
 * One row per source of the corpus: the sources reporting the fact first (agreeing, in part,
 * differently), each with its own sentence, then every other source as "not reported".
 * A source with several members gets one row per member.
 */
export function factRows(index: CorpusIndex, fact: Fact): FactRow[] {
  const bold = differingKinds(fact);
  const outlet = (id: string) => {
    const source = index.sources.find((s) => s.id === id);
    return source ? sourceLabel(source) : id;
  };
  // The reports several of the fact's sources print, with their credit.
  const shared = new Map(reportsOf(index, fact).copies.map((c) => [c.origin, c.credit]));
  const sourceOrder = new Map(index.sources.map((s, i) => [s.id, i]));
  const reported = [...fact.members]
    .sort(
      (a, b) =>
        ORDER[a.stance] - ORDER[b.stance] ||
        (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0),
    )
    .map(
      (m): FactRow => ({
        source: m.source,
        outlet: outlet(m.source),
        stance: m.stance,
        sentence: m.sentence,
        // With origins, a sentence copied but changed ("first" made "second") is no copy: only
        // a shared origin is. An older index only knows near-verbatim sentences.
        wire: m.origin === undefined ? m.wire === true : shared.has(m.origin),
        copy: m.origin !== undefined && shared.has(m.origin) ? (shared.get(m.origin) ?? '') : null,
        origin: m.origin ?? null,
        attributions: memberAttributions(m),
        segments: segmentMember(m, bold),
      }),
    );
  const reporting = new Set(fact.members.map((m) => m.source));
  const missing = index.sources
    .filter((s) => !reporting.has(s.id))
    .map(
      (s): FactRow => ({
        source: s.id,
        outlet: sourceLabel(s),
        stance: null,
        sentence: null,
        wire: false,
        copy: null,
        origin: null,
        attributions: [],
        segments: [],
      }),
    );
  return [...reported, ...missing];
}
