/**
 * Idle-time slices (CONVENTIONS.md 5): work is a queue of steps, each small; a slice
 * runs steps until its budget is spent, then yields to the page. `requestIdleCallback` where
 * there is one (with a timeout, so a busy page still gets its highlights), else a timer.
 */

/**
 * A unit of work; returns true while it has more to do, or 'yield' when it has more but the
 * slice should end now (a paint step that has changed enough of the page for one frame).
 */
export type Step = () => boolean | 'yield';

/** Slice budget: well under the 50 ms long-task line even when one step overshoots. */
export const BUDGET_MS = 8;

interface Queued {
  step: Step;
  budget: number;
}

export class Scheduler {
  private readonly queue: Queued[] = [];
  private scheduled = false;
  private stopped = false;
  /** Called each time the queue runs dry. */
  onIdle: () => void = () => {};
  /** Longest slice seen (bench builds report it). */
  longest = 0;
  /** Total time spent in slices. */
  total = 0;
  /** Slices started so far: a step tells by it whether a new slice began. */
  slices = 0;

  /** Queues `step`; a slice that starts with it runs for up to `budget` ms. */
  add(step: Step, budget = BUDGET_MS): void {
    if (this.stopped) return;
    this.queue.push({ step, budget });
    this.schedule();
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.scheduled;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => this.slice();
    // Background-priority tasks run as soon as the page has nothing more urgent, without waiting
    // for an idle period after each frame (rIC caps the work at about half of each frame: a 5 MB
    // page then took 7 s to get ready for 1.7 s of work). Each slice is still ≤ 8 ms.
    const sched = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => Promise<void> } })
      .scheduler;
    if (sched?.postTask) void sched.postTask(run, { priority: 'background' }).catch(() => {});
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private slice(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const started = performance.now();
    this.slices++;
    const budget = this.queue[0]?.budget ?? BUDGET_MS;
    while (this.queue.length && performance.now() - started < budget) {
      const { step } = this.queue[0] as Queued;
      let more: boolean | 'yield' = false;
      try {
        more = step();
      } catch (error) {
        console.error('crossread: a scan step failed', error);
      }
      if (!more) this.queue.shift();
      else if (more === 'yield') break;
    }
    const spent = performance.now() - started;
    this.total += spent;
    if (spent > this.longest) this.longest = spent;
    if (this.queue.length) this.schedule();
    else this.onIdle();
  }
}
