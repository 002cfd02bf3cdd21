/**
 * Clustering over a link graph, shared by the fact grouping and the story grouping: union-find
 * with path compression, and average linkage so that a chain of links does not join what is
 * unrelated.
 */

export class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let y = x;
    while (this.parent[y] !== r) {
      const next = this.parent[y]!;
      this.parent[y] = r;
      y = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Agglomerates linked units, strongest link first, merging two clusters only when at least
 * `linkage` of their cross-source pairs are linked (average linkage on the link graph): a chain of
 * pairwise links (A~B, B~C) does not pull unrelated reports (A, C) into one fact.
 */
export function averageLink(
  n: number,
  links: readonly { i: number; j: number; strength: number }[],
  sourceOf: (i: number) => string,
  linkage: number,
): UnionFind {
  const uf = new UnionFind(n);
  const linked = new Set(links.map((l) => l.i * n + l.j));
  const has = (a: number, b: number) => linked.has(Math.min(a, b) * n + Math.max(a, b));
  const members = new Map<number, number[]>();
  const get = (r: number) => members.get(r) ?? [r];
  const sorted = [...links].sort((a, b) => b.strength - a.strength || a.i - b.i || a.j - b.j);
  for (const { i, j } of sorted) {
    const ri = uf.find(i);
    const rj = uf.find(j);
    if (ri === rj) continue;
    const A = get(ri);
    const B = get(rj);
    let pairs = 0;
    let hits = 0;
    for (const a of A)
      for (const b of B) {
        if (sourceOf(a) === sourceOf(b)) continue;
        pairs++;
        if (has(a, b)) hits++;
      }
    if (pairs > 0 && hits < pairs * linkage) continue;
    uf.union(ri, rj);
    const root = uf.find(ri);
    members.delete(ri);
    members.delete(rj);
    members.set(root, [...A, ...B]);
  }
  return uf;
}
