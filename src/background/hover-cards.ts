/**
 * The hover card's data, from the index: textual data only (the content script renders it with
 * textContent). No browser API here, so tests build cards from any index.
 */
import { memberAttributions } from '../core/index/attributions.ts';
import { reportsOf } from '../core/index/reports.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { sourceLabel } from '../core/index/source-label.ts';
import type { CardData, CardLine } from '../messaging/content-protocol.ts';

/** The source's name as the popup shows it (outlet, else title, else "Source N"). */
function sourceOutlet(index: CorpusIndex, source: string, unnamed: (n: number) => string): string {
  const at = index.sources.findIndex((x) => x.id === source);
  const s = index.sources[at];
  if (!s) return source;
  return sourceLabel(s, at, unnamed);
}

/** The card for `kind`/`ids` from the index: textual data only; the content script renders it with textContent. */
export function buildCard(
  index: CorpusIndex,
  k: 'name' | 'claim',
  wanted: string[],
  unnamed: (n: number) => string = (n) => `Source ${n}`,
): CardData | null {
  const outletOf = (source: string) => sourceOutlet(index, source, unnamed);
  if (k === 'name') {
    const entity = index.entities.find((e) => e.id === wanted[0]);
    if (!entity) return null;
    const spellings = entity.aliases
      .map((alias) => ({
        text: alias.text,
        outlets: alias.sources.map((id) => outletOf(id)).slice(0, 12),
      }))
      .sort((a, b) => b.outlets.length - a.outlets.length || a.text.localeCompare(b.text));
    return {
      kind: 'name',
      id: entity.id,
      name: entity.name,
      type: entity.type,
      spellings: spellings.slice(0, 30),
    };
  }
  const facts = wanted
    .map((id) => index.facts.find((f) => f.id === id))
    .filter((f): f is NonNullable<typeof f> => !!f)
    .map((fact) => {
      const differing = new Set(fact.differences.map((d) => d.kind));
      const lines: CardLine[] = fact.members.slice(0, 12).map((m) => {
        const span = m.span ?? { start: 0, end: m.text.length };
        const words = m.text.slice(span.start, span.end) || m.text;
        const base = words === m.text ? 0 : span.start;
        const bold = (m.values ?? [])
          .filter((v) => differing.has(v.kind) || (v.key !== undefined && differing.has(v.key)))
          .map((v) => ({ start: v.start - base, end: v.end - base }))
          .filter((b) => b.start >= 0 && b.end <= words.length && b.end > b.start)
          .sort((a, b) => a.start - b.start);
        const who = memberAttributions(m).join('; ');
        return {
          outlet: outletOf(m.source),
          text: words,
          stance: m.stance,
          bold,
          ...(who ? { attribution: who } : {}),
        };
      });
      const { reports, copies } = reportsOf(index, fact);
      return {
        id: fact.id,
        label: fact.label,
        status: fact.status,
        lines,
        sources: new Set(fact.members.map((m) => m.source)).size,
        reports: reports.agrees + reports.partial + reports.conflicts,
        copies: copies.map((c) => ({
          credit: c.credit,
          outlets: c.sources.map((id) => outletOf(id)),
        })),
        ...(fact.timeline
          ? {
              timeline: {
                kind: fact.timeline.kind,
                steps: fact.timeline.steps.map((st) => ({
                  text: st.text,
                  time: st.time,
                  outlets: st.sources.map((id) => outletOf(id)),
                })),
              },
            }
          : {}),
      };
    });
  return facts.length ? { kind: 'claim', facts } : null;
}
