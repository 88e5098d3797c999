// Median of several timed runs after warm-up: one slow run (a GC pause) does not decide.
import { performance } from 'node:perf_hooks';

// With --expose-gc (npm run bench sets it), each run starts from a collected heap, so one
// run does not pay for the garbage of the one before.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function report(name: string, ours: number, reference: number, referenceName: string, target: string): void {
  const ratio = ours / reference;
  console.log(
    `${name}: ${ours.toFixed(1)} ms vs ${referenceName} ${reference.toFixed(1)} ms → ratio ${ratio.toFixed(2)} (target ${target})`,
  );
}

/**
 * Times two contenders in alternation (A, B, A, B …) so a slow patch of a shared machine hits
 * both, and returns each one's median.
 */
export async function pairedMedianMs(a: () => unknown, b: () => unknown, repeats = 9, warmups = 2): Promise<[number, number]> {
  for (let i = 0; i < warmups; i++) {
    await a();
    await b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const [run, times] of [
      [a, timesA],
      [b, timesB],
    ] as const) {
      collect();
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  }
  const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] as number;
  return [median(timesA), median(timesB)];
}
