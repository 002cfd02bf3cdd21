/**
 * A lookup query waiting for the popup: the context menu stores the selection here, then opens
 * the popup, which takes it once. Kept in memory: it only has to live for the next popup open.
 */
let pending: string | null = null;

export function setPendingQuery(query: string): void {
  pending = query.replace(/\s+/g, ' ').trim().slice(0, 200) || null;
}

export function takePendingQuery(): string | null {
  const query = pending;
  pending = null;
  return query;
}
