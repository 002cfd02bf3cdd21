/** An article as the indexer receives it, from a folder (Node) or from the reader's corpus (browser). */

export interface SourceMeta {
  file: string;
  outlet: string | null;
  /** Short name a reader tells the source apart by ("Wire copy, Oslo dateline"). */
  label: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
}

export interface RawArticle {
  file: string;
  text: string;
  meta: SourceMeta;
}
