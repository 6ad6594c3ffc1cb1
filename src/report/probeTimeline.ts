// A probe's sessions as the timeline's lanes (recordingTimeline.ts does the same for a recording).
import type { ProbeResult } from '../engine/probe/probeTypes';
import type { TimelineModel } from './timelineModel';
import { timelineSummary } from './timelineText';

/** A probe's sessions as lanes, as they are. */
export function probeTimeline(result: ProbeResult): TimelineModel {
  return { durationMs: result.durationMs, lanes: result.sessions, summary: timelineSummary(result) };
}
