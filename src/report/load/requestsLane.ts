// The load's requests as one timeline lane beside the recording's processes: a tick where a request
// succeeded, an error mark where it failed (its status or error, and the lock error its body named),
// each at the moment its answer arrived, on the recording's clock.
import type { LoadResult } from '../../engine/load/loadResult';
import { isSuccess } from '../../engine/load/sendRequests';
import { formatMs } from '../../engine/text/formatMs';
import type { LaneEvent, TimelineLane } from '../timelineModel';

export function requestsLane(result: LoadResult): TimelineLane {
  const events = result.outcomes.map((outcome): LaneEvent => {
    const tUs = (outcome.startMs + outcome.ms) * 1000;
    const url = result.config.urls[outcome.url] ?? '';
    if (isSuccess(outcome)) {
      return { tUs, kind: 'commit', message: `${url}: HTTP ${outcome.status} after ${formatMs(outcome.ms)}` };
    }
    const answer =
      outcome.status === undefined ? `no response (${outcome.error ?? 'error'})` : `HTTP ${outcome.status}`;
    return {
      tUs,
      kind: 'error',
      code: outcome.lockError ?? answer,
      elapsedUs: outcome.ms * 1000,
      message: `${url}: ${answer} after ${formatMs(outcome.ms)}${outcome.lockError === undefined ? '' : ` (${outcome.lockError})`}`,
    };
  });
  return { name: 'requests', spans: [], events };
}
