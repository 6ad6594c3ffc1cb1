// The visible stretch of the run and how zoom and pan move it. Zooming keeps the instant under the
// cursor (or the centre, from the keyboard) where it is; the window never leaves [0, endUs] and never
// gets narrower than `minSpanUs`.
export interface TimeWindow {
  fromUs: number;
  toUs: number;
}

/** The narrowest window: 10 µs, about where the probe's clock stops being meaningful. */
export const minSpanUs = 10;

export function wholeRun(endUs: number): TimeWindow {
  return { fromUs: 0, toUs: endUs };
}

/** `factor` > 1 zooms in. `anchor` is where the fixed point sits, 0 (left edge) to 1 (right edge). */
export function zoomAt(window: TimeWindow, endUs: number, factor: number, anchor: number): TimeWindow {
  const span = window.toUs - window.fromUs;
  const newSpan = Math.min(endUs, Math.max(Math.min(minSpanUs, endUs), span / factor));
  const fixedUs = window.fromUs + anchor * span;
  return clampWindow(
    { fromUs: fixedUs - anchor * newSpan, toUs: fixedUs - anchor * newSpan + newSpan },
    endUs,
  );
}

/** Moves the window by `deltaUs` (positive: later), stopping at the run's ends. */
export function panBy(window: TimeWindow, endUs: number, deltaUs: number): TimeWindow {
  return clampWindow({ fromUs: window.fromUs + deltaUs, toUs: window.toUs + deltaUs }, endUs);
}

/** The window of the same width centred on `centreUs` (a click in the overview). */
export function centreOn(window: TimeWindow, endUs: number, centreUs: number): TimeWindow {
  const span = window.toUs - window.fromUs;
  return clampWindow({ fromUs: centreUs - span / 2, toUs: centreUs + span / 2 }, endUs);
}

export function clampWindow(window: TimeWindow, endUs: number): TimeWindow {
  const span = Math.min(endUs, window.toUs - window.fromUs);
  const fromUs = Math.min(Math.max(0, window.fromUs), endUs - span);
  return { fromUs, toUs: fromUs + span };
}

export function isWholeRun(window: TimeWindow, endUs: number): boolean {
  return window.fromUs <= 0 && window.toUs >= endUs;
}
