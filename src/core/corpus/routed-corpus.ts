/**
 * The reader's corpus as the background holds it. A small corpus is read whole when the background
 * wakes; past {@link WAKE_ARTICLES} articles, only the story shards a page names are read, when
 * that page asks, and kept for the pages after it. Shards are merged after the bundled and
 * imported parts in the order they were first needed, so the ids a page was given stay valid while
 * later pages add shards; past {@link HELD_SHARDS} the held set starts again from the page at hand.
 */
import { type IndexPart, mergeIndexes } from '../index/merge.ts';
import type { CorpusIndex } from '../index/schema.ts';
import { parseIndex } from '../index/validate.ts';
import { buildRoutes, type Routes, routeText } from './shard-routes.ts';
import type { Shard } from './shards.ts';

/** Up to this many reader articles the whole corpus is read at wake (a few MB of index). */
export const WAKE_ARTICLES = 400;
/** Most shards held at once (each ≤ 120 articles): bounds the background's memory. */
export const HELD_SHARDS = 24;

/** Reads built shard indexes by shard id (JSON as stored); ids it has no build for are left out. */
export type ReadBuilt = (ids: string[] | null) => Promise<{ id: string; json: string }[]>;

export class RoutedCorpus {
  index: CorpusIndex;
  /** Null when the whole corpus is held. */
  private readonly routes: Routes | null;
  private held: { id: string; part: IndexPart }[] = [];

  private constructor(
    private readonly base: IndexPart[],
    private readonly shards: readonly Shard[],
    private readonly read: ReadBuilt,
    private readonly problems: string[],
  ) {
    const articles = shards.reduce((n, s) => n + s.articles.length, 0);
    this.routes = articles > WAKE_ARTICLES ? buildRoutes(shards) : null;
    this.index = this.merged();
  }

  /**
   * `base`: the bundled and imported indexes; `shards`: the shard list (names and articles, no
   * index); a damaged build is named in `problems` and left out.
   */
  static async open(
    base: IndexPart[],
    shards: readonly Shard[],
    read: ReadBuilt,
    problems: string[],
  ): Promise<RoutedCorpus> {
    const corpus = new RoutedCorpus(base, shards, read, problems);
    if (!corpus.routes && shards.length > 0) {
      corpus.held = corpus.parse(await read(null));
      corpus.index = corpus.merged();
    }
    return corpus;
  }

  /** Whether the corpus is read by story (too large to hold whole). */
  get routed(): boolean {
    return this.routes !== null;
  }

  /** The held shards' ids, in merge order. */
  get heldShards(): string[] {
    return this.held.map((h) => h.id);
  }

  /**
   * The index with the shards a page's text names added (the same object when none is new);
   * `min`: the names a shard must share with the text (a page: 2; a lookup of one name: 1).
   */
  async forText(segments: readonly string[], min?: number): Promise<CorpusIndex> {
    if (!this.routes) return this.index;
    return this.hold(routeText(this.routes, segments, undefined, min));
  }

  /** The index with the story of one stored article held (the reader opens it from the corpus list). */
  async forArticle(article: string): Promise<CorpusIndex> {
    if (!this.routes) return this.index;
    const shard = this.shards.find((s) => s.articles.includes(article));
    return shard ? this.hold([shard.id]) : this.index;
  }

  /** Reads in the shards not held yet, after those that are (starting again past the limit). */
  private async hold(ids: string[]): Promise<CorpusIndex> {
    const have = new Set(this.held.map((h) => h.id));
    const wanted = ids.filter((id) => !have.has(id));
    if (wanted.length === 0) return this.index;
    const parts = this.parse(await this.read(wanted));
    if (parts.length === 0) return this.index;
    if (this.held.length + parts.length > HELD_SHARDS) this.held = [];
    this.held.push(...parts);
    this.index = this.merged();
    return this.index;
  }

  private parse(built: { id: string; json: string }[]): { id: string; part: IndexPart }[] {
    const out: { id: string; part: IndexPart }[] = [];
    for (const { id, json } of built)
      try {
        out.push({ id, part: { index: parseIndex(json), corpus: 'reader' } });
      } catch (error) {
        this.problems.push(`a story of your corpus is damaged and was left out: ${(error as Error).message}`);
      }
    return out;
  }

  private merged(): CorpusIndex {
    const parts = [...this.base, ...this.held.map((h) => h.part)];
    if (parts.length === 1 && parts[0]?.corpus === 'bundled') return parts[0].index;
    return mergeIndexes(parts);
  }
}
