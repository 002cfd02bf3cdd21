/**
 * The content script's idle-time slices (src/content/dom/scheduler.ts), on a fake clock: a slice
 * runs steps until its budget is spent, the step at the head of the queue sets the budget (paint
 * steps get a longer one: fewer frames to lay out again on a huge page), and every step runs.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { BUDGET_MS, Scheduler } from '../../src/content/dom/scheduler.ts';

let clock = 0;
const realNow = performance.now.bind(performance);
beforeEach(() => {
  clock = 0;
  performance.now = () => clock;
});
afterEach(() => {
  performance.now = realNow;
});

/** A step that does `units` pieces of 1 ms each, recording which slice each piece ran in. */
function work(units: number, log: number[], slice: () => number): () => boolean {
  let left = units;
  return () => {
    clock += 1;
    log.push(slice());
    return --left > 0;
  };
}

/** Runs the scheduler until idle; returns the number of slices it took. */
async function drain(s: Scheduler, add: (slice: () => number) => void): Promise<number> {
  let slices = 0;
  const idle = new Promise<void>((resolve) => {
    s.onIdle = resolve;
  });
  // Slices run on timer ticks: pieces that ran in one slice saw the same tick count.
  const tick = setInterval(() => slices++, 0);
  add(() => slices);
  await idle;
  clearInterval(tick);
  return slices;
}

test('a slice stops at the default budget, and every step runs to its end', async () => {
  const s = new Scheduler();
  const log: number[] = [];
  await drain(s, (slice) => s.add(work(3 * BUDGET_MS, log, slice)));
  assert.equal(log.length, 3 * BUDGET_MS, 'every piece ran');
  const perSlice = new Map<number, number>();
  for (const n of log) perSlice.set(n, (perSlice.get(n) ?? 0) + 1);
  assert.ok(perSlice.size >= 3, `ran in at least 3 slices, got ${perSlice.size}`);
  assert.ok(Math.max(...perSlice.values()) <= BUDGET_MS, 'no slice ran past its budget');
  assert.equal(s.longest, BUDGET_MS);
});

test('a step queued with a longer budget gets longer slices', async () => {
  const s = new Scheduler();
  const log: number[] = [];
  await drain(s, (slice) => s.add(work(40, log, slice), 20));
  assert.equal(log.length, 40);
  assert.equal(s.longest, 20, 'slices of 20 ms, not 8');
});

test('a step that throws is dropped and the rest still run', async () => {
  const s = new Scheduler();
  const log: number[] = [];
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await drain(s, (slice) => {
      s.add(() => {
        throw new Error('boom');
      });
      s.add(work(2, log, slice));
    });
  } finally {
    console.error = original;
  }
  assert.equal(log.length, 2);
  assert.equal(errors.length, 1);
});

test("a step that answers 'yield' ends its slice there and goes on in the next", async () => {
  const s = new Scheduler();
  const log: number[] = [];
  let left = 12;
  const seen: number[] = [];
  await drain(s, (slice) =>
    s.add(() => {
      clock += 1;
      log.push(slice());
      seen.push(s.slices);
      left--;
      // Every third piece ends the slice, long before the 20 ms budget.
      return left === 0 ? false : left % 3 === 0 ? 'yield' : true;
    }, 20),
  );
  assert.equal(log.length, 12, 'every piece ran');
  const perSlice = new Map<number, number>();
  for (const n of seen) perSlice.set(n, (perSlice.get(n) ?? 0) + 1);
  assert.deepEqual([...perSlice.values()], [3, 3, 3, 3], 'three pieces per slice');
  assert.equal(s.slices, 4);
});
