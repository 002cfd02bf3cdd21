/** Compile-time flag set by scripts/build.ts: true only in the bench build (dist/bench-chrome). */
declare const __BENCH__: boolean;
