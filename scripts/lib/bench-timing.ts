/** Timing of the micro-benchmarks (bench-lineage, bench-similar): a few warm-up runs, then median and p90. */

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Runs `fn` `runs` times after up to 5 warm-up runs, prints `label` with the median and p90 (ms), returns them. */
export function time(
  label: string,
  runs: number,
  fn: (i: number) => unknown,
): { median: number; p90: number } {
  for (let i = 0; i < Math.min(5, runs); i++) fn(i); // warm up the JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r = { median: percentile(ms, 0.5), p90: percentile(ms, 0.9) };
  process.stdout.write(
    `${label.padEnd(52)} median ${r.median.toFixed(2).padStart(7)} ms   p90 ${r.p90.toFixed(2).padStart(7)} ms\n`,
  );
  return r;
}
