/**
 * Messages from the popup (and other extension pages) to the background.
 * Owner: the popup work (issue 5).
 */
import type { Entity, Fact, Source } from '../core/index/schema.ts';
import type { EntityBrief, FactBrief } from './content-protocol.ts';

/** A source without its text, for lists. */
export type SourceBrief = Omit<Source, 'text' | 'sentences'>;

export interface Overview {
  sources: SourceBrief[];
  entities: number;
  facts: { corroborated: number; conflict: number; single: number };
  /** Set when the index failed to load: the popup shows it. */
  error?: string;
}

export type PopupToBackground = {
  'popup/overview': { request: Record<string, never>; response: Overview };
  'popup/facts': { request: { ids: string[] }; response: Fact[] };
  'popup/entity': { request: { id: string }; response: { entity: Entity; facts: FactBrief[] } | null };
  'popup/lookup': { request: { query: string }; response: { entities: EntityBrief[]; facts: FactBrief[] } };
  'popup/source': { request: { id: string }; response: Source | null };
  /** Facts two or more sources report that are not among `present` (the "this page leaves out" lens). */
  'popup/leftOut': { request: { present: string[] }; response: FactBrief[] };
  /** A lookup query waiting for the popup (set by the context menu). */
  'popup/pendingQuery': { request: Record<string, never>; response: string | null };
};
