/**
 * Answers the content script. Owner: the content-script work.
 * Payloads come from pages' content scripts and are checked before use: a page
 * cannot make the background read beyond the index or build an unbounded reply.
 */
import browser from 'webextension-polyfill';
import { reportsOf } from '../core/index/reports.ts';
import type { CorpusIndex } from '../core/index/schema.ts';
import { sourceLabel } from '../core/index/source-label.ts';
import { createPageMatcher, matchText, type PageMatcher } from '../core/match/page-matcher.ts';
import type { Handlers } from '../messaging/channel.ts';
import {
  type CardData,
  type CardLine,
  type ContentToBackground,
  DESCRIPTION_MESSAGES,
  type DescriptionKind,
  type OpenTarget,
  type SegmentMatches,
} from '../messaging/content-protocol.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import { loadIndex } from './load-index.ts';
import { setOpenTarget } from './open-target.ts';
import { rememberReport, setPending } from './page-reports.ts';
import { pushPageChanged } from './popup-push.ts';
import { isSiteEnabled } from './site-settings.ts';

function text(value: unknown, max = 300): string {
  if (typeof value !== 'string' || value.length > max) throw new Error('bad payload');
  return value;
}

function kind(value: unknown): 'name' | 'claim' {
  if (value !== 'name' && value !== 'claim') throw new Error('bad payload');
  return value;
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 12) throw new Error('bad payload');
  return value.map((v) => text(v, 120));
}

/** The highlight descriptions in the reader's language (the page falls back to its own lookup). */
function descriptionTexts(): Record<DescriptionKind, string> {
  const out = {} as Record<DescriptionKind, string>;
  for (const [kind, key] of Object.entries(DESCRIPTION_MESSAGES))
    out[kind as DescriptionKind] = browser.i18n.getMessage(key);
  return out;
}

/** A batch from one page: bounded, so a hostile page cannot make the background work without end. */
const MAX_SEGMENTS = 2000;
const MAX_BATCH_CHARS = 2_000_000;

function segmentList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_SEGMENTS) throw new Error('bad payload');
  let total = 0;
  for (const v of value) {
    if (typeof v !== 'string') throw new Error('bad payload');
    total += v.length;
  }
  if (total > MAX_BATCH_CHARS) throw new Error('bad payload');
  return value as string[];
}

let compiled: { index: CorpusIndex; matcher: PageMatcher } | null = null;

/** The page matcher, compiled once per loaded index (the worker may restart: then once again). */
function pageMatcher(index: CorpusIndex): PageMatcher {
  if (compiled?.index !== index) compiled = { index, matcher: createPageMatcher(index.matcher, index.facts) };
  return compiled.matcher;
}

/** Runs the core page matcher over each segment. */
export function matchSegments(matcher: PageMatcher, segments: string[]): SegmentMatches {
  const started = performance.now();
  const out: SegmentMatches = { names: [], claims: [], ms: 0 };
  segments.forEach((segment, i) => {
    const found = matchText(matcher, segment);
    for (const n of found.names) out.names.push([i, n.start, n.end, n.entity]);
    for (const c of found.claims) out.claims.push([i, c.start, c.end, c.ids, c.status]);
  });
  out.ms = performance.now() - started;
  return out;
}

/** The source's name as the popup shows it (outlet, else title, else "Source N"). */
function outletOf(index: CorpusIndex, source: string): string {
  const at = index.sources.findIndex((x) => x.id === source);
  const s = index.sources[at];
  if (!s) return source;
  return sourceLabel(
    s,
    at,
    (n) => browser.i18n.getMessage('popupUnnamedSource', [String(n)]) || `Source ${n}`,
  );
}

/** The card for `kind`/`ids` from the index: textual data only; the content script renders it with textContent. */
export function buildCard(index: CorpusIndex, k: 'name' | 'claim', wanted: string[]): CardData | null {
  if (k === 'name') {
    const entity = index.entities.find((e) => e.id === wanted[0]);
    if (!entity) return null;
    const spellings = entity.aliases
      .map((alias) => ({
        text: alias.text,
        outlets: alias.sources.map((id) => outletOf(index, id)).slice(0, 12),
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
        const who = [
          ...(m.attribution ? [m.attribution] : []),
          ...(m.values ?? []).filter((v) => v.attribution).map((v) => `${v.text} \u2014 ${v.attribution}`),
        ].join('; ');
        return {
          outlet: outletOf(index, m.source),
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
          outlets: c.sources.map((id) => outletOf(index, id)),
        })),
      };
    });
  return facts.length ? { kind: 'claim', facts } : null;
}

export const contentHandlers: Handlers<ContentToBackground> = {
  async 'content/setup'(payload) {
    const host = text((payload as { host?: unknown })?.host);
    const enabled = await isSiteEnabled(host);
    const loaded = await loadIndex();
    if (!loaded.index) return { enabled, indexed: false, error: loaded.error };
    return { enabled, indexed: true, descriptions: descriptionTexts() };
  },
  async 'content/match'(payload) {
    const segments = segmentList((payload as { segments?: unknown })?.segments);
    const loaded = await loadIndex();
    if (!loaded.index) throw new Error(loaded.error);
    return matchSegments(pageMatcher(loaded.index), segments);
  },
  async 'content/card'(payload) {
    const p = payload as { kind?: unknown; ids?: unknown };
    const k = kind(p?.kind);
    const wanted = ids(p?.ids);
    const loaded = await loadIndex();
    return loaded.index ? buildCard(loaded.index, k, wanted) : null;
  },
  async 'content/open'(payload) {
    const p = payload as { kind?: unknown; id?: unknown };
    const target: OpenTarget = { kind: kind(p?.kind), id: text(p?.id, 120) };
    setOpenTarget(target);
    setPending(true);
    try {
      await browser.action.openPopup();
    } catch {
      // openPopup needs a user gesture in some browsers: open the full view in a tab instead.
      // The tab names the target in its URL, so no later popup may take it again.
      setOpenTarget(null);
      setPending(false);
      const query = `${target.kind === 'name' ? 'name' : 'fact'}=${encodeURIComponent(target.id)}`;
      await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?${query}`) });
    }
    return true;
  },
  'content/state'(payload, sender) {
    const state = (payload as { state?: unknown } | null)?.state;
    if (state !== 'scanning' && state !== 'ready' && state !== 'off') throw new Error('bad payload');
    if (typeof sender.tab?.id !== 'number' || (sender.frameId ?? 0) !== 0) return false;
    void rememberReport(sender.tab.id, asPageReport((payload as { report?: unknown }).report));
    pushPageChanged(sender.tab.id, state);
    return true;
  },
};
