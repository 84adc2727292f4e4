/*
 * What every bench measure reports, and how it times things: CPU time of this
 * process (user + system, the GC's threads included), the median of several
 * runs, and for comparisons the two sides interleaved in one run so that the
 * machine's state favours neither.
 */

export interface Result {
  /** The measure, as the bench table (docs/developers/performance.md) names it. */
  measure: string;
  /** What was measured, in words and numbers. */
  value: string;
  /** The ratio the target is about, where there is one. */
  ratio?: number;
  target: string;
  /** Whether the target is met; null where a smoke run's sizes say nothing. */
  met: boolean | null;
  details?: Record<string, number | string>;
}

export interface Sizes {
  /** True for the tiny sizes `npm test` runs so the benches cannot rot: no target is judged. */
  smoke: boolean;
  costRows: number;
  runs: number;
}

export const FULL: Sizes = { smoke: false, costRows: 100_000, runs: 5 };
export const SMOKE: Sizes = { smoke: true, costRows: 2_000, runs: 1 };

/** CPU milliseconds of `run`. */
export function cpu<T>(run: () => T): { ms: number; result: T } {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

export async function cpuAsync<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** Medians of `runs` interleaved runs of each side. */
export function sideBySide(sides: Record<string, () => unknown>, runs: number): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(sides)) {
      globalThis.gc?.();
      (times[name] ??= []).push(cpu(run).ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
}

/** Heap in use after a full collection (run node with --expose-gc for it to mean much). */
export function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : n < 10_000 ? `${n.toFixed(0)} ms` : `${(n / 1000).toFixed(1)} s`);
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0)}x`;

/** A deterministic pseudo-random source, so every run measures the same data. */
export function random(seed = 42): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export const judged = (sizes: Sizes, met: boolean): boolean | null => (sizes.smoke ? null : met);
