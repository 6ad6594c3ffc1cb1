// What a summarised result leaves out, in one sentence, so nobody reads the missing tail of a burst's
// events as "nothing happened" (docs/probe-result.md, "Results at scale").
import type { ProbeResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';

export function summaryNote(result: ProbeResult): string | undefined {
  if (!result.summarised) {
    return undefined;
  }
  const total = result.sessions.reduce((sum, session) => sum + session.eventCount, 0);
  const listed = result.sessions.reduce((sum, session) => sum + session.events.length, 0);
  const resolutions = result.sessions.flatMap((session) => session.spanResolutionUs ?? []);
  const coarsest = resolutions.reduce((widest, us) => Math.max(widest, us), 0);
  const lanes =
    resolutions.length === 0
      ? ''
      : ` ${resolutions.length} busy lanes are drawn in steps of ${formatMs(coarsest / 1000)}, each step with any lock or wait showing the state that took most of it.`;
  return (
    `Summarised: ${listed} of ${total} events are listed (each session's first ones and, per error code, its first, quickest and slowest error); ` +
    `counts, waits and rows cover every event. Commit and error marks are drawn for listed events only.${lanes}`
  );
}
