// Round tick steps for the shared time axis: 1, 2 or 5 times a power of ten, in milliseconds, so a
// 1 s probe reads 0, 100 ms, 200 ms ... and a 60 s one 0, 10 s, 20 s ...

export interface TimeTicks {
  stepMs: number;
  /** Tick positions from 0 up to the end of the axis, in ms. */
  ticksMs: number[];
}

export function timeTicks(endMs: number, maxTicks: number): TimeTicks {
  const span = endMs > 0 ? endMs : 1;
  const rawStep = span / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const stepMs = [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= rawStep) ?? 10 * magnitude;
  const ticksMs: number[] = [];
  // Multiplying (not accumulating) keeps 0.1 + 0.2 style drift out of the labels.
  for (let i = 0; i * stepMs <= span + stepMs * 1e-9; i++) {
    ticksMs.push(roundTo(i * stepMs, stepMs));
  }
  return { stepMs, ticksMs };
}

/** "0", "500 ms", "1 s", "1.5 s", "0.2 ms": as many decimals as the step needs, no more. */
export function formatTick(ms: number, stepMs: number): string {
  if (ms === 0) {
    return '0';
  }
  if (ms < 1000) {
    return `${trim(ms, decimalsOf(stepMs))} ms`;
  }
  return `${trim(ms / 1000, decimalsOf(stepMs / 1000))} s`;
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
}

function trim(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

function roundTo(value: number, step: number): number {
  const decimals = decimalsOf(step);
  return Number(value.toFixed(decimals));
}
