// Sizes of the timeline: lanes shrink as sessions are added, down to a height that still holds a
// line of small text, and the name gutter fits the longest name within limits.
import { estimateTextWidth } from './labelSlots';
import type { TimelineModel } from './timelineModel';

export interface TimelineLayout {
  width: number;
  laneHeight: number;
  /** Bars leave this much of the lane free above and below. */
  barInset: number;
  fontSize: number;
  /** Half the width of an error marker. */
  markerRadius: number;
  /** In-lane error labels per lane: with many lanes only the first, so the errors don't drown the bars. */
  maxErrorLabels: number;
  plotX0: number;
  plotX1: number;
  /** Longest session name, in characters, that the gutter shows untruncated. */
  maxNameChars: number;
  /** The end of the time axis, in microseconds. */
  endUs: number;
}

const lanesTargetHeight = 420;
const maxLaneHeight = 36;
const minLaneHeight = 14;
const minWidth = 480;

export function timelineLayout(result: TimelineModel, requestedWidth: number | undefined): TimelineLayout {
  const width = Math.max(minWidth, Math.round(requestedWidth ?? 960));
  const lanes = Math.max(1, result.lanes.length);
  const laneHeight = Math.max(minLaneHeight, Math.min(maxLaneHeight, Math.floor(lanesTargetHeight / lanes)));
  const fontSize = laneHeight >= 24 ? 12 : laneHeight >= 17 ? 11 : 10;
  const barInset = laneHeight >= 24 ? 5 : laneHeight >= 17 ? 3 : 2;

  const longestName = result.lanes.reduce(
    (longest, session) => Math.max(longest, [...session.name].length),
    1,
  );
  const gutter = Math.min(180, Math.max(48, estimateTextWidth('x'.repeat(longestName), fontSize) + 16));
  const maxNameChars = Math.max(3, Math.floor((gutter - 16) / (fontSize * 0.6)));

  return {
    width,
    laneHeight,
    barInset,
    fontSize,
    markerRadius: Math.min(6, Math.floor(laneHeight / 2) - 2),
    maxErrorLabels: lanes <= 4 ? 8 : 1,
    plotX0: gutter,
    plotX1: width - 16,
    maxNameChars,
    endUs: timelineEndUs(result),
  };
}

/** The duration, stretched if a span or event ends later; never zero. */
function timelineEndUs(result: TimelineModel): number {
  let endUs = result.durationMs * 1000;
  for (const session of result.lanes) {
    for (const span of session.spans) {
      endUs = Math.max(endUs, span.toUs);
    }
    for (const event of session.events) {
      endUs = Math.max(endUs, event.tUs);
    }
  }
  return Number.isFinite(endUs) && endUs > 0 ? endUs : 1000;
}
