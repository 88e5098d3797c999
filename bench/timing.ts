// Median of several timed runs after warm-up: one slow run (a GC pause) does not decide.
import { performance } from 'node:perf_hooks';

// With --expose-gc (npm run bench sets it), each run starts from a collected heap, so one
// run does not pay for the garbage of the one before. V8 sweeps after a full collection on
// other threads: on two cores that sweep would slow whichever contender runs next (a plain
// read of the bench's million rows takes 2-3× longer right after gc()), so let it finish.
const gc = (globalThis as { gc?: () => void }).gc;
const SETTLE_MS = 100;
async function collect(): Promise<void> {
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

export function report(name: string, ours: number, reference: number, referenceName: string, target: string): void {
  const ratio = ours / reference;
  console.log(
    `${name}: ${ours.toFixed(1)} ms vs ${referenceName} ${reference.toFixed(1)} ms → ratio ${ratio.toFixed(2)} (target ${target})`,
  );
}

/** What is timed, and what must happen untimed before each run (such as handing over new input). */
export interface Contender {
  readonly run: () => unknown;
  readonly prepare?: () => void;
}

/**
 * Times two contenders in alternation (A, B, A, B …) so a slow patch of a shared machine hits
 * both, and returns each one's median.
 */
export async function pairedMedianMs(
  first: (() => unknown) | Contender,
  second: (() => unknown) | Contender,
  repeats = 9,
  warmups = 4,
): Promise<[number, number]> {
  const [a, b] = [first, second].map((c) => (typeof c === 'function' ? { run: c } : c)) as [Contender, Contender];
  // Runs after loading a million rows stay slow for a while (JIT tiers, the heap still growing):
  // with BENCH_DETAIL=1 the first aged balances came out 2-3× the later ones after 2 warm-ups.
  for (let i = 0; i < warmups; i++) {
    for (const contender of [a, b]) {
      contender.prepare?.();
      await collect();
      await contender.run();
    }
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const [contender, times] of [
      [a, timesA],
      [b, timesB],
    ] as const) {
      contender.prepare?.();
      await collect();
      const start = performance.now();
      await contender.run();
      times.push(performance.now() - start);
    }
  }
  // BENCH_DETAIL=1 prints every run, to see the spread behind a median.
  if (process.env.BENCH_DETAIL) {
    const list = (times: number[]) => times.map((t) => t.toFixed(0)).join(' ');
    console.log(`  runs: ${list(timesA)} | ${list(timesB)}`);
  }
  const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] as number;
  return [median(timesA), median(timesB)];
}
