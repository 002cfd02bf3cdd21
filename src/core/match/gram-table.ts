/**
 * Hash tables over 32-bit gram hashes, in typed arrays. The claim matcher looks up every gram of
 * every page sentence (5 M lookups on a 5 MB page), where a Map's boxed lookup was its largest
 * cost, and compares candidate sentences with fact members gram by gram.
 */

/** An open-addressing table from gram hash to a list of numbers (fact indexes). */
export interface GramTable {
  mask: number;
  keys: Uint32Array;
  /** Slot → entry index, or -1 when empty. */
  slots: Int32Array;
  /** Entry → its list, `items[starts[e] .. starts[e + 1])`. */
  starts: Int32Array;
  items: Int32Array;
  size: number;
}

function slotOf(g: number, mask: number): number {
  return (Math.imul(g, 0x9e3779b1) >>> 0) & mask;
}

/**
 * Builds the table. Four slots per key: most page grams are in no list, and a miss stops at the
 * first empty slot, so a sparse table answers most lookups with one probe.
 */
export function buildGramTable(lists: Map<number, number[]>): GramTable {
  let cap = 16;
  while (cap < lists.size * 4) cap *= 2;
  const mask = cap - 1;
  const keys = new Uint32Array(cap);
  const slots = new Int32Array(cap).fill(-1);
  const starts = new Int32Array(lists.size + 1);
  const items: number[] = [];
  let n = 0;
  for (const [g, list] of lists) {
    let h = slotOf(g, mask);
    while ((slots[h] as number) !== -1) h = (h + 1) & mask;
    keys[h] = g;
    slots[h] = n;
    starts[n] = items.length;
    for (const item of list) items.push(item);
    n++;
  }
  starts[n] = items.length;
  return { mask, keys, slots, starts, items: Int32Array.from(items), size: n };
}

/** The entry of gram `g` (an index below `t.size`, one per distinct gram), or -1 when absent. */
export function gramEntry(t: GramTable, g: number): number {
  const { mask, keys, slots } = t;
  let h = slotOf(g, mask);
  for (let s = slots[h] as number; s !== -1; s = slots[h] as number) {
    if (keys[h] === g) return s;
    h = (h + 1) & mask;
  }
  return -1;
}

/** True when gram `g` is in the table. */
export function hasGram(t: GramTable, g: number): boolean {
  return gramEntry(t, g) !== -1;
}

/**
 * The distinct grams of one sentence, for counting what it shares with each candidate member
 * without sorting either side. Emptied in constant time: a slot belongs to the set only while
 * its stamp is the current one.
 */
export interface GramSet {
  keys: Uint32Array;
  stamps: Uint32Array;
  stamp: number;
  mask: number;
  /** Distinct grams in the set. */
  size: number;
}

export function createGramSet(): GramSet {
  return { keys: new Uint32Array(1024), stamps: new Uint32Array(1024), stamp: 0, mask: 0, size: 0 };
}

/** Empties `set` and adds `buf[0 .. count)` to it; returns the number of distinct grams. */
export function fillGramSet(set: GramSet, buf: Uint32Array, count: number): number {
  let cap = 16;
  while (cap < count * 4) cap *= 2;
  if (set.keys.length < cap) {
    set.keys = new Uint32Array(cap);
    set.stamps = new Uint32Array(cap);
    set.stamp = 0;
  }
  if (set.stamp === 0xffffffff) {
    set.stamps.fill(0);
    set.stamp = 0;
  }
  const stamp = ++set.stamp;
  const mask = cap - 1;
  const { keys, stamps } = set;
  let size = 0;
  for (let i = 0; i < count; i++) {
    const g = buf[i] as number;
    let h = slotOf(g, mask);
    while (stamps[h] === stamp && keys[h] !== g) h = (h + 1) & mask;
    if (stamps[h] !== stamp) {
      stamps[h] = stamp;
      keys[h] = g;
      size++;
    }
  }
  set.mask = mask;
  set.size = size;
  return size;
}

/** How many of `grams` (distinct) are in `set`. */
export function countShared(set: GramSet, grams: readonly number[]): number {
  const { keys, stamps, stamp, mask } = set;
  let n = 0;
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i] as number;
    let h = slotOf(g, mask);
    while (stamps[h] === stamp) {
      if (keys[h] === g) {
        n++;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return n;
}
