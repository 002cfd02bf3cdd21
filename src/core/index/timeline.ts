/**
 * When each source reported, and what changed between reports. A source's time is its
 * publication date (sources.json), else a "Published: <date>" line the article prints; unknown
 * otherwise, and then nothing is inferred from it. A fact whose sources give different values,
 * where every group of sources that agrees reported before the next group, is a timeline (one
 * story told as it unfolded: "no comment" then "relieved of his duties"), and a count that only
 * rose from one report to the next is "updated", not contradicted.
 */
import { fullDates } from '../claims/slot-dates.ts';
import type { Fact, Source } from './schema.ts';

export interface TimelineStep {
  /** ISO date of the earliest report in this step. */
  time: string;
  /** The value as the first source of the step prints it. */
  text: string;
  value: string;
  sources: string[];
}

export interface Timeline {
  /** `updated`: a count that rose from report to report; `timeline`: any other change over time. */
  kind: 'updated' | 'timeline';
  /** The slot key whose values change (`number:killed`, `response`). */
  key: string;
  steps: TimelineStep[];
}

const STAMP = /^\s*(?:first\s+)?(?:published|posted|updated|last\s+updated)\b[\s:,-]*(.{6,60})$/iu;
/** A stamp is a line of the article's head or foot. */
const STAMP_LINES = 6;

/** An ISO date from "2031-05-06", "May 6, 2031" or "6 May 2031" (the claim slots' date reader), else null. */
export function isoDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/u.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return fullDates(text).slots.find((d) => /^\d{4}-\d{2}-\d{2}$/u.test(d.value))?.value ?? null;
}

/** When a source reported: its publication date, else a date stamp the raw article prints, else null. */
export function sourceTime(published: string | null | undefined, raw: string): string | null {
  if (published) return published;
  const lines = raw.split(/\r?\n/u).filter((l) => l.trim() !== '');
  for (const line of [...lines.slice(0, STAMP_LINES), ...lines.slice(-STAMP_LINES)]) {
    const m = STAMP.exec(line);
    const date = m?.[1] ? isoDate(m[1]) : null;
    if (date) return date;
  }
  return null;
}

/** The first number in a value ("<13000" → 13000), or NaN. */
function amount(value: string): number {
  const m = /\d+(?:\.\d+)?/u.exec(value);
  return m ? Number(m[0]) : Number.NaN;
}

/**
 * The fact's change over time, or null: when its sources do not differ, when a reporting source's
 * time is unknown, or when sources that disagree reported on the same day (a contradiction).
 */
export function timelineOf(fact: Fact, timeOf: ReadonlyMap<string, string | null>): Timeline | null {
  for (const d of fact.differences) {
    // A day that differs is what happened when, not a change between reports.
    if (d.kind.startsWith('date')) continue;
    const bySource = new Map<string, { values: string[]; text: string }>();
    for (const v of d.values) {
      const seen = bySource.get(v.source);
      if (seen) seen.values.push(v.value);
      else bySource.set(v.source, { values: [v.value], text: v.text });
    }
    const steps = new Map<string, TimelineStep & { last: string }>();
    let known = true;
    for (const [source, { values, text }] of bySource) {
      const time = timeOf.get(source) ?? null;
      if (!time) {
        known = false;
        break;
      }
      const value = [...new Set(values)].sort().join(' + ');
      const step = steps.get(value);
      if (!step) steps.set(value, { time, text, value, sources: [source], last: time });
      else {
        step.sources.push(source);
        if (time < step.time) step.time = time;
        if (time > step.last) step.last = time;
      }
    }
    if (!known || steps.size < 2) continue;
    const ordered = [...steps.values()].sort((a, b) => a.time.localeCompare(b.time));
    // Each step's reports all come before the next step's first: otherwise they contradict.
    if (ordered.some((s, i) => i > 0 && ordered[i - 1]!.last >= s.time)) continue;
    const counts = ordered.map((s) => Math.max(...s.value.split(' + ').map(amount)));
    const rose =
      d.kind.startsWith('number:') &&
      counts.every((n, i) => !Number.isNaN(n) && (i === 0 || n > counts[i - 1]!));
    return {
      kind: rose ? 'updated' : 'timeline',
      key: d.kind,
      steps: ordered.map(({ last: _last, ...s }) => s),
    };
  }
  return null;
}

/**
 * Gives each member the day it reports about (`when`: its first date value that resolved to a
 * day) and each fact its timeline, where its sources' times make one.
 */
export function placeInTime(sources: readonly Source[], facts: readonly Fact[]): void {
  const timeOf = new Map(sources.map((s) => [s.id, s.time ?? null]));
  for (const fact of facts) {
    for (const m of fact.members) {
      const day = m.values.find((v) => v.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v.value));
      if (day) m.when = day.value;
    }
    const timeline = timelineOf(fact, timeOf);
    if (timeline) fact.timeline = timeline;
  }
}
