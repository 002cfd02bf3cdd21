/** The tunables of fact grouping, in one place for the link passes, the assembly and the docs. */

export const FACT_THRESHOLDS = {
  /** Char-4-gram Jaccard at which two clauses state the same thing. */
  grams: 0.34,
  /** Idf-weighted content-word overlap (of the smaller clause) with at least `sharedWords` words. */
  words: 0.5,
  sharedWords: 3,
  /** The same overlap measured against the longer clause. */
  longerWords: 0.2,
  /** Within one story: weaker word overlap, if the char grams agree somewhat. */
  storyWords: 0.4,
  storyGrams: 0.15,
  /** Two dated reports of one action: word overlap needed besides the shared day-independent words. */
  datedWords: 0.15,
  /** Sentence-level word overlap required for two same-key slots to be the same fact. */
  slotContext: 0.12,
  /** Average linkage: share of cross-source pairs of two clusters that must be linked to merge them. */
  linkage: 0.3,
  /** Near-verbatim: wire copy. */
  wire: 0.6,
  /** Below this similarity to the rest of the fact, an agreeing member is "partial". */
  partial: 0.3,
} as const;

/** Slot keys that may align reports with different values. */
export function comparable(key: string): boolean {
  return /^(?:number|duration|ordinal):|^(?:channel|response)$/.test(key);
}
