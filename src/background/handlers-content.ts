/**
 * Answers the content script. Owner: the content-script work.
 * Payloads come from pages' content scripts and are checked before use: a page
 * cannot make the background read beyond the index or build an unbounded reply.
 */
import browser from 'webextension-polyfill';
import type { CorpusIndex } from '../core/index/schema.ts';
import { createPageMatcher, matchText, type PageMatcher } from '../core/match/page-matcher.ts';
import type { Handlers } from '../messaging/channel.ts';
import {
  type ContentToBackground,
  DESCRIPTION_MESSAGES,
  type DescriptionKind,
  type OpenTarget,
  type SegmentMatches,
} from '../messaging/content-protocol.ts';
import { asPageReport } from '../messaging/page-report-check.ts';
import { buildCard } from './hover-cards.ts';
import { loadIndex, loadIndexFor } from './load-index.ts';
import { setOpenTarget } from './open-target.ts';
import { rememberReport, setPending } from './page-reports.ts';
import { pushInView, pushPageChanged } from './popup-push.ts';
import { isSiteEnabled, minimapOn } from './site-settings.ts';

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

export const contentHandlers: Handlers<ContentToBackground> = {
  async 'content/setup'(payload) {
    const host = text((payload as { host?: unknown })?.host);
    const [enabled, loaded, minimap] = await Promise.all([isSiteEnabled(host), loadIndex(), minimapOn()]);
    if (!loaded.index) return { enabled, indexed: false, error: loaded.error };
    return { enabled, indexed: true, descriptions: descriptionTexts(), minimap };
  },
  async 'content/match'(payload, sender) {
    const segments = segmentList((payload as { segments?: unknown })?.segments);
    const loaded = await loadIndexFor(sender.url, segments);
    if (!loaded.index) throw new Error(loaded.error);
    return matchSegments(pageMatcher(loaded.index), segments);
  },
  async 'content/card'(payload, sender) {
    const p = payload as { kind?: unknown; ids?: unknown };
    const k = kind(p?.kind);
    const wanted = ids(p?.ids);
    const loaded = await loadIndexFor(sender.url);
    const unnamed = (n: number) =>
      browser.i18n.getMessage('popupUnnamedSource', [String(n)]) || `Source ${n}`;
    return loaded.index ? buildCard(loaded.index, k, wanted, unnamed) : null;
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
  'content/inView'(payload, sender) {
    const list = ids((payload as { ids?: unknown } | null)?.ids);
    if (typeof sender.tab?.id !== 'number' || (sender.frameId ?? 0) !== 0) return false;
    pushInView(sender.tab.id, list.slice(0, 20));
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
