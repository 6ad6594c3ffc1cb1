// A recording as timeline lanes: one lane per process ("python3 4711"), its lock intervals as bars
// (kernel waiters hatched), and the app's lock-error lines (record --run/--log) as error marks on the
// lane of the process that printed them, or on an "app output" lane when no lane has its PID.
import type { AppLine, LockInterval, Recording } from '../engine/record/recordingTypes';
import { formatMs } from '../engine/text/formatMs';
import type { LaneEvent, LaneSpan, TimelineLane, TimelineModel } from './timelineModel';

export function processLabel(process: { pid: number; command: string | null }): string {
  return `${process.command ?? 'pid'} ${process.pid}`;
}

export function recordingTimeline(recording: Recording): TimelineModel {
  const errorsByPid = new Map<number | undefined, LaneEvent[]>();
  const appPid = recording.app?.source.kind === 'run' ? recording.app.source.pid : undefined;
  for (const line of recording.app?.lines ?? []) {
    if (line.lockError === undefined) {
      continue;
    }
    const pid = line.pid ?? appPid;
    const list = errorsByPid.get(pid) ?? [];
    list.push(errorEvent(line));
    errorsByPid.set(pid, list);
  }
  const lanes: TimelineLane[] = recording.processes.map((process) => {
    const events = errorsByPid.get(process.pid) ?? [];
    errorsByPid.delete(process.pid);
    return { name: processLabel(process), spans: process.intervals.map(spanOf), events };
  });
  const unplaced = [...errorsByPid.values()].flat();
  if (unplaced.length > 0) {
    lanes.push({ name: 'app output', spans: [], events: unplaced });
  }
  return { durationMs: recording.durationMs, lanes, summary: recordingTimelineSummary(recording) };
}

function spanOf(interval: LockInterval): LaneSpan {
  const fromUs = interval.startMs * 1000;
  // A lock seen in one sample still gets a visible width: a sliver, not nothing.
  const toUs = Math.max(interval.endMs * 1000, fromUs);
  const merged =
    interval.merged === undefined ? {} : { count: interval.merged, totalUs: (interval.heldMs ?? 0) * 1000 };
  return interval.waiting
    ? { fromUs, toUs, lock: 'none', waitingFor: interval.state, ...merged }
    : { fromUs, toUs, lock: interval.state, ...merged };
}

function errorEvent(line: AppLine): LaneEvent {
  return { tUs: line.atMs * 1000, kind: 'error', code: line.lockError, message: line.text };
}

function recordingTimelineSummary(recording: Recording): string {
  const count = recording.processes.length;
  const head = `Lock recording of ${count} process${count === 1 ? '' : 'es'} over ${formatMs(recording.durationMs)}`;
  const longest = recording.summary.longestWriteHolds[0];
  const hold =
    longest === undefined
      ? '; no write lock was held'
      : `; longest write-lock hold ${formatMs(longest.durationMs)} by ${processLabel(longest)}`;
  return `${head}${hold}.`;
}
