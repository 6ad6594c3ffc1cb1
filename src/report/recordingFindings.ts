// The recording's summary in words and rows, for the text, Markdown and HTML reports alike. Strings
// are raw (process names are untrusted): each report escapes them its own way.
import type { LockInterval, ProcessMoment, Recording, WriteHold } from '../engine/record/recordingTypes';
import { formatBytes } from '../engine/text/formatBytes';
import { formatMs } from '../engine/text/formatMs';
import { processLabel } from './recordingTimeline';

const at = (ms: number) => formatMs(ms);
const span = (startMs: number, endMs: number) => `${at(startMs)} – ${at(endMs)}`;

/** The findings a user reads first, one sentence each. */
export function recordingFindings(recording: Recording): string[] {
  const { summary } = recording;
  const findings: string[] = [];
  const longest = summary.longestWriteHolds[0];
  if (longest === undefined) {
    findings.push('No process held a write lock while recorded.');
  } else {
    const still = longest.openAtEnd ? ', still held when the recording stopped' : '';
    findings.push(
      `Longest write-lock hold: ${processLabel(longest)} held ${writeHoldStates(longest)} for ${formatMs(longest.durationMs)} ` +
        `(${span(longest.startMs, longest.endMs)}${still}); ${summary.writeHolds.count} write ` +
        `hold${summary.writeHolds.count === 1 ? '' : 's'} in all, ${formatMs(summary.writeHolds.totalMs)} together.`,
    );
  }
  const pending = summary.pendingWaits[0];
  if (pending !== undefined) {
    const readers = pending.readers.map(processLabel).join(', ');
    const more = summary.pendingWaitCount > 1 ? ` (${summary.pendingWaitCount} such waits)` : '';
    findings.push(
      `${processLabel(pending)} sat in PENDING for ${formatMs(pending.durationMs)} at ${at(pending.startMs)} while ` +
        `${readers} held SHARED: its commit waited for ${pending.readers.length === 1 ? 'that reader' : 'those readers'}${more}.`,
    );
  }
  const wal = summary.wal;
  if (wal !== null) {
    findings.push(
      wal.grewBytes > 0
        ? `The -wal file grew by ${formatBytes(wal.grewBytes)} in all, to at most ${formatBytes(wal.maxBytes)} ` +
            `(${walEnds(wal.startBytes, wal.endBytes)}).`
        : `The -wal file did not grow (${wal.endBytes === null ? 'there was none' : formatBytes(wal.endBytes)}).`,
    );
  }
  const pinning = summary.pinningReaders[0];
  if (pinning !== undefined) {
    findings.push(
      `${processLabel(pinning)} held one read snapshot${pinning.slot === undefined ? '' : ` (read mark ${pinning.slot})`} ` +
        `for ${formatMs(pinning.durationMs)} while the WAL grew by ${formatBytes(pinning.walGrewBytes)}: ` +
        'a checkpoint cannot restart the WAL while a reader uses it.',
    );
  }
  if (summary.appearedCount > 0 || summary.leftCount > 0) {
    findings.push(
      `${describeMoments(summary.appeared, summary.appearedCount, 'appeared')}; ${describeMoments(summary.left, summary.leftCount, 'left')}.`,
    );
  }
  const checkpoint = summary.checkpoints.longest;
  if (checkpoint !== undefined) {
    const count = summary.checkpoints.count;
    findings.push(
      `${count} checkpoint${count === 1 ? '' : 's'} ran (WAL_CKPT), the longest ${formatMs(checkpoint.durationMs)} ` +
        `by ${processLabel(checkpoint)} at ${at(checkpoint.startMs)}.`,
    );
  }
  const recovery = summary.recoveries.longest;
  if (recovery !== undefined) {
    findings.push(
      `${processLabel(recovery)} rebuilt the WAL index (WAL_RECOVER) at ${at(recovery.startMs)}` +
        `${summary.recoveries.count > 1 ? `, one of ${summary.recoveries.count} recoveries` : ''}: ` +
        'after a crash, or as the first connection to open the database; everyone else waits meanwhile.',
    );
  }
  if (summary.kernelWaits > 0) {
    findings.push(
      `${summary.kernelWaits} wait${summary.kernelWaits === 1 ? '' : 's'} in the kernel (a build with SETLK_TIMEOUT): drawn hatched.`,
    );
  }
  return findings;
}

/** Where the -wal file started and ended; null: there was no file. */
function walEnds(startBytes: number | null, endBytes: number | null): string {
  const start = startBytes === null ? 'none at the start' : `${formatBytes(startBytes)} at the start`;
  // The last connection to close checkpoints the WAL and deletes the file.
  const end =
    endBytes === null
      ? 'removed by the end, as the last connection closed'
      : `${formatBytes(endBytes)} at the end`;
  return `${start}, ${end}`;
}

function describeMoments(moments: ProcessMoment[], count: number, verb: string): string {
  if (count === 0) {
    return `none ${verb}`;
  }
  const shown = moments.slice(0, 3).map((moment) => `${processLabel(moment)} at ${at(moment.atMs)}`);
  const more = count > shown.length ? `, and ${count - shown.length} more` : '';
  return `${count} process${count === 1 ? '' : 'es'} ${verb} (${shown.join(', ')}${more})`;
}

/** "518 samples every 10 ms over 3.66 s · off schedule by 0.85 ms (median), 33 ms (p99) · …". */
export function samplingLine(recording: Recording): string {
  const { sampling } = recording;
  const cpu =
    sampling.cpuMsPerSecond === undefined
      ? ''
      : ` · recorder CPU ${formatMs(sampling.cpuMsPerSecond)} per second`;
  return (
    `${recording.samples} samples every ${formatMs(recording.intervalMs)} over ${formatMs(recording.durationMs)} · ` +
    `off schedule by ${formatMs(sampling.jitterP50Ms)} (median), ${formatMs(sampling.jitterP99Ms)} (p99)` +
    `${sampling.missedSamples > 0 ? ` · ${sampling.missedSamples} skipped` : ''}${cpu}`
  );
}

export interface Table {
  header: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  numeric: number[];
}

export function processTable(recording: Recording): Table {
  return {
    header: ['Process', 'Seen', 'Intervals', 'Longest', 'Command line'],
    rows: recording.processes.map((process) => [
      processLabel(process),
      `${at(process.firstSeenMs)} – ${process.presentAtEnd ? 'end' : at(process.lastSeenMs)}`,
      process.openedOnly ? 'open only' : String(countIntervals(process.intervals)),
      longestOf(process.intervals),
      process.commandLine ?? '',
    ]),
    numeric: [2],
  };
}

function countIntervals(intervals: LockInterval[]): number {
  return intervals.reduce((sum, interval) => sum + (interval.merged ?? 1), 0);
}

function longestOf(intervals: LockInterval[]): string {
  let best: LockInterval | undefined;
  for (const interval of intervals) {
    if (best === undefined || interval.endMs - interval.startMs > best.endMs - best.startMs) {
      best = interval;
    }
  }
  return best === undefined ? '—' : `${stateName(best)} ${formatMs(best.endMs - best.startMs)}`;
}

export function stateName(interval: Pick<LockInterval, 'state' | 'slot' | 'waiting'>): string {
  const name = interval.slot === undefined ? interval.state : `${interval.state}(${interval.slot})`;
  return interval.waiting ? `-> ${name}` : name;
}

/** "RESERVED → EXCLUSIVE": a rollback writer holds RESERVED most of the time and EXCLUSIVE only to commit. */
export function writeHoldStates(hold: WriteHold): string {
  return hold.states.join(' → ');
}

export function writeHoldTable(recording: Recording): Table {
  return {
    header: ['Process', 'Lock', 'From', 'To', 'Held'],
    rows: recording.summary.longestWriteHolds.map((hold) => [
      processLabel(hold),
      writeHoldStates(hold),
      at(hold.startMs),
      hold.openAtEnd ? 'still held' : at(hold.endMs),
      formatMs(hold.durationMs),
    ]),
    numeric: [2, 3, 4],
  };
}

export function pendingTable(recording: Recording): Table {
  return {
    header: ['Writer in PENDING', 'From', 'For', 'Readers holding SHARED'],
    rows: recording.summary.pendingWaits.map((wait) => [
      processLabel(wait),
      at(wait.startMs),
      formatMs(wait.durationMs),
      wait.readers.map(processLabel).join(', '),
    ]),
    numeric: [1, 2],
  };
}

export function pinningTable(recording: Recording): Table {
  return {
    header: ['Reader', 'Read mark', 'From', 'For', 'WAL grew meanwhile'],
    rows: recording.summary.pinningReaders.map((reader) => [
      processLabel(reader),
      reader.slot === undefined ? '' : String(reader.slot),
      at(reader.startMs),
      formatMs(reader.durationMs),
      formatBytes(reader.walGrewBytes),
    ]),
    numeric: [2, 3, 4],
  };
}
