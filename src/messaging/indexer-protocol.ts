/**
 * The indexer worker's messages: one request, to bring the built shards up to date, answered
 * with what was built. In Chrome the offscreen document relays them over runtime messaging
 * under the {@link INDEXER_RELAY} key, which no other crossread listener answers.
 */

export interface SyncResult {
  built: number;
  dropped: number;
  articles: number;
  problems: string[];
  ms: number;
}

export type IndexerRequest = { id: number; type: 'sync' };
export type IndexerReply =
  | { id: number; ok: true; result: SyncResult }
  | { id: number; ok: false; error: string };
export type RelayReply = { ok: true; result: SyncResult } | { ok: false; error: string };

export const INDEXER_RELAY = 'crossreadIndexer';
