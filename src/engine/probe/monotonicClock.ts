// process.hrtime reads CLOCK_MONOTONIC (Linux) / mach_absolute_time (macOS) / QPC (Windows): one clock
// for every thread and process of the machine, so sessions in other processes share the time axis.

/** Node's global `performance` is a lazy accessor: an optimised function that names it reads it through
 * V8's generic global load at every call (issue 9: it showed in the sessions' profiles). */
const clock = performance;

export function monotonicNowNs(): bigint {
  return process.hrtime.bigint();
}

export function microsecondsSince(t0Ns: bigint): number {
  return Number((process.hrtime.bigint() - t0Ns) / 1000n);
}

/** Resolves at t0 + ms (at once when that has passed); yields the event loop like an `await sleep`. */
export function sleepUntil(t0Ns: bigint, ms: number): Promise<void> {
  const remainingMs = ms - microsecondsSince(t0Ns) / 1000;
  if (remainingMs <= 0) {
    return new Promise((resolve) => setImmediate(resolve));
  }
  return new Promise((resolve) => setTimeout(resolve, remainingMs));
}

/**
 * Microseconds since t0 (whole, like microsecondsSince) from performance.now(): the same monotonic clock
 * (Node computes it from uv_hrtime) read without allocating a bigint, for code that reads it per statement.
 */
export function clockSince(t0Ns: bigint): () => number {
  const t0Ms = clock.now() - Number(process.hrtime.bigint() - t0Ns) / 1e6;
  return () => Math.floor((clock.now() - t0Ms) * 1000);
}
