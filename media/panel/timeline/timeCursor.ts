// The keyboard's hover: a cursor at an instant on one lane, moved by the arrow keys. It never leaves
// the run, and the visible window follows it (moving as little as it must), so the arrows still pan
// once the cursor reaches an edge.
import { clampWindow, type TimeWindow } from './timeWindow';

export interface TimeCursor {
  us: number;
  lane: number;
}

/** The cursor a first key press shows: the middle of the window, on the first lane. */
export function cursorAtCentre(window: TimeWindow): TimeCursor {
  return { us: (window.fromUs + window.toUs) / 2, lane: 0 };
}

/** `cursor` moved by `deltaUs` and `deltaLanes`, and the window that shows it. */
export function moveCursor(
  cursor: TimeCursor,
  deltaUs: number,
  deltaLanes: number,
  window: TimeWindow,
  endUs: number,
  lanes: number,
): { cursor: TimeCursor; window: TimeWindow } {
  const us = Math.min(endUs, Math.max(0, cursor.us + deltaUs));
  const lane = Math.min(Math.max(0, lanes - 1), Math.max(0, cursor.lane + deltaLanes));
  const span = window.toUs - window.fromUs;
  const shift = us < window.fromUs ? us - window.fromUs : us > window.toUs ? us - window.toUs : 0;
  const moved =
    shift === 0 ? window : clampWindow({ fromUs: window.fromUs + shift, toUs: window.toUs + shift }, endUs);
  return { cursor: { us, lane }, window: span > 0 ? moved : window };
}

/** Whether the cursor's instant is in the window (a zoom or a drag may leave it outside). */
export function cursorInView(cursor: TimeCursor, window: TimeWindow): boolean {
  return cursor.us >= window.fromUs && cursor.us <= window.toUs;
}
