// Shared by the benchmark pages: timing helpers and the result shape.
export type Unit = 'ms' | 'bytes' | 'count' | 'ratio' | 'rps';
export type Results = Record<string, { value: number; unit: Unit }>;

declare global {
  interface Window {
    __bench?: () => Promise<Results>;
    /** Chromium's collector, exposed by the bench runner (--js-flags=--expose-gc). */
    gc?: () => void;
  }
  interface Performance {
    /** Chromium's heap figures (precise with --enable-precise-memory-info, which the bench runner passes). */
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number };
  }
}

/** Resolves at the next animation frame, with its timestamp. */
export function frame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Collects garbage twice, a task apart (objects with finalizers or weak references need a second pass). */
export async function collectGarbage(): Promise<void> {
  if (!window.gc) throw new Error('window.gc is missing: run the page with --js-flags=--expose-gc');
  for (let pass = 0; pass < 2; pass++) {
    window.gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The value below which `fraction` of `values` fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * The median of `runs` timings of `fn`, after `warmup` untimed runs. Each timing covers `batch` calls and is divided
 * by `batch`: the browser's clock is coarse (0.1 ms), so fast operations are timed in batches.
 */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3, batch = 1): Promise<number> {
  for (let index = 0; index < warmup; index++) await fn();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    for (let call = 0; call < batch; call++) await fn();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function expose(run: () => Promise<Results>): void {
  window.__bench = run;
}
