// Samples in, a recording's lanes and summary out (pure: no /proc, no clock, so it is tested with
// synthetic samples). Each sample is the decoded lock holders at one moment; a lock seen in
// consecutive samples is one interval, estimated to start and end half-way between the samples that
// saw it change. OPEN entries, and a WAL connection's SHARED lock on the database (held for as long as
// the connection is open), only mark a process as present: they are not transactions.
import type { ProcessName } from '../locks/processNames';
import { IntervalStore, round } from './intervalStore';
import { type RecordingCaps, defaultRecordingCaps } from './recordingCaps';
import type {
  LockInterval,
  ProcessMoment,
  RecordedLock,
  RecordedProcess,
  Recording,
  RecordingSummary,
} from './recordingTypes';
import { emptyView, viewOf } from './sampleView';
import { SummaryBuilder } from './summaryBuilder';
import { WalSizeTrack } from './walSizeTrack';

import type { SampledHolder } from './sampleView';

export type { SampledHolder } from './sampleView';

export interface RecorderSample {
  atMs: number;
  holders: readonly SampledHolder[];
  walBytes: number | null;
}

interface OpenInterval {
  pid: number;
  interval: LockInterval;
}

interface ProcessTrack {
  pid: number;
  name: ProcessName;
  firstSeenMs: number;
  lastSeenMs: number;
  presentAtStart: boolean;
  present: boolean;
  locked: boolean;
  hasLane: boolean;
}

export type RecordingParts = Pick<
  Recording,
  | 'durationMs'
  | 'samples'
  | 'processes'
  | 'droppedProcesses'
  | 'walSize'
  | 'summary'
  | 'intervalResolutionMs'
  | 'mergedIntervals'
>;

export class RecordingBuilder {
  samples = 0;
  private previousAt: number | undefined;
  private firstAt: number | undefined;
  private lastHolders: readonly SampledHolder[] | undefined;
  private lastWalBytes: number | null | undefined;
  private readonly open = new Map<string, OpenInterval>();
  private readonly store: IntervalStore;
  private readonly processes = new Map<number, ProcessTrack>();
  private droppedProcesses = 0;
  private lanes = 0;
  /** The tracks present at the last change of holders. */
  private readonly presentTracks = new Set<ProcessTrack>();
  private readonly summary: SummaryBuilder;
  private readonly walSize: WalSizeTrack;
  private current = emptyView();

  constructor(
    intervalMs: number,
    private readonly nameOf: (pid: number) => ProcessName,
    private readonly caps: RecordingCaps = defaultRecordingCaps,
  ) {
    this.store = new IntervalStore(caps.maxIntervals, Math.max(4 * intervalMs, 20));
    this.summary = new SummaryBuilder(caps, (pid) => this.processes.get(pid)?.name ?? this.nameOf(pid));
    this.walSize = new WalSizeTrack(caps.maxWalPoints);
  }

  /** How many processes hold a lock (not counting the open-only ones) at the last sample. */
  get holdersNow(): number {
    return this.current.lockPids.size;
  }

  add(sample: RecorderSample): void {
    const first = this.previousAt === undefined;
    const boundary = first ? sample.atMs : (this.previousAt! + sample.atMs) / 2;
    this.firstAt ??= sample.atMs;
    this.samples++;
    // The decoder returns the same array while nothing changed: then only the clock moves on, and a
    // sample costs this comparison (the holds, presence and summary change only with the holders).
    const changed = sample.holders !== this.lastHolders;
    if (changed) {
      this.lastHolders = sample.holders;
      this.current = viewOf(sample.holders);
      this.updateIntervals(boundary, first);
      this.updatePresence(sample.atMs, boundary, first);
    }
    if (changed || sample.walBytes !== this.lastWalBytes) {
      this.walSize.add(sample.atMs, sample.walBytes);
      this.summary.add({
        ...this.current.summary,
        atMs: sample.atMs,
        boundaryMs: boundary,
        walBytes: sample.walBytes,
      });
      this.lastWalBytes = sample.walBytes;
    }
    this.previousAt = sample.atMs;
  }

  finish(): RecordingParts {
    const endMs = this.previousAt ?? 0;
    for (const { pid, interval } of this.open.values()) {
      interval.endMs = round(endMs);
      interval.openAtEnd = true;
      this.keep(pid, interval);
    }
    this.open.clear();
    for (const track of this.presentTracks) {
      track.lastSeenMs = endMs;
    }
    const summary: RecordingSummary = { ...this.summary.finish(endMs), ...this.moments() };
    const processes: RecordedProcess[] = [...this.processes.values()]
      .filter((track) => track.hasLane)
      .map((track) => {
        const intervals = [...this.store.intervalsOf(track.pid)].sort((a, b) => a.startMs - b.startMs);
        return {
          pid: track.pid,
          command: track.name.command,
          commandLine: track.name.commandLine,
          firstSeenMs: round(track.firstSeenMs),
          lastSeenMs: round(track.lastSeenMs),
          presentAtStart: track.presentAtStart,
          presentAtEnd: track.present,
          intervals,
          ...(track.locked ? {} : { openedOnly: true }),
        };
      });
    return {
      durationMs: round(endMs - (this.firstAt ?? 0)),
      samples: this.samples,
      processes,
      droppedProcesses: this.droppedProcesses,
      walSize: this.walSize.points(),
      summary,
      intervalResolutionMs: this.store.resolutionMs,
      mergedIntervals: this.store.merged,
    };
  }

  private updateIntervals(boundary: number, first: boolean): void {
    for (const [key, entry] of this.open) {
      if (!this.current.locks.has(key)) {
        entry.interval.endMs = round(boundary);
        this.keep(entry.pid, entry.interval);
        this.open.delete(key);
      }
    }
    for (const [key, held] of this.current.locks) {
      if (this.open.has(key)) {
        continue;
      }
      const interval: LockInterval = {
        state: held.lock as RecordedLock,
        file: held.file,
        ...(held.readSlot === undefined ? {} : { slot: held.readSlot }),
        startMs: round(boundary),
        endMs: round(boundary),
        ...(held.waiting ? { waiting: true } : {}),
        ...(first ? { openAtStart: true } : {}),
      };
      if (held.waiting) {
        this.summary.kernelWaits++;
      }
      this.open.set(key, { pid: held.pid, interval });
    }
  }

  private keep(pid: number, interval: LockInterval): void {
    if ((interval.state === 'WAL_CKPT' || interval.state === 'WAL_RECOVER') && !interval.waiting) {
      this.summary.maintenanceDone(interval.state, pid, interval.startMs, interval.endMs);
    }
    if (this.processes.get(pid)?.hasLane) {
      this.store.add(pid, interval);
    }
  }

  /**
   * Called when the holders changed. A process present before and gone now was last seen at the
   * previous sample; one present at the end is seen until the last sample (finish sets it).
   */
  private updatePresence(atMs: number, boundary: number, first: boolean): void {
    for (const pid of this.current.presentPids) {
      let track = this.processes.get(pid);
      if (track === undefined) {
        if (this.processes.size >= this.caps.maxProcesses) {
          this.droppedProcesses++;
          continue;
        }
        track = {
          pid,
          name: this.nameOf(pid),
          firstSeenMs: first ? atMs : boundary,
          lastSeenMs: atMs,
          presentAtStart: first,
          present: true,
          locked: false,
          hasLane: this.lanes < this.caps.maxLanes,
        };
        if (track.hasLane) {
          this.lanes++;
        } else {
          this.droppedProcesses++;
        }
        this.processes.set(pid, track);
        this.presentTracks.add(track);
      } else if (!track.present) {
        track.present = true;
        this.presentTracks.add(track);
      }
      if (this.current.lockPids.has(pid)) {
        track.locked = true;
      }
    }
    for (const track of this.presentTracks) {
      if (!this.current.presentPids.has(track.pid)) {
        track.present = false;
        track.lastSeenMs = this.previousAt ?? atMs;
        this.presentTracks.delete(track);
      }
    }
  }

  private moments(): Pick<RecordingSummary, 'appeared' | 'left' | 'appearedCount' | 'leftCount'> {
    const tracks = [...this.processes.values()];
    const appeared = tracks.filter((track) => !track.presentAtStart);
    const left = tracks.filter((track) => !track.present);
    const moment = (track: ProcessTrack, atMs: number): ProcessMoment => ({
      pid: track.pid,
      command: track.name.command,
      atMs: round(atMs),
    });
    return {
      appeared: appeared
        .slice(0, this.caps.maxProcessMoments)
        .map((track) => moment(track, track.firstSeenMs)),
      left: left
        .sort((a, b) => a.lastSeenMs - b.lastSeenMs)
        .slice(0, this.caps.maxProcessMoments)
        .map((track) => moment(track, track.lastSeenMs)),
      appearedCount: appeared.length,
      leftCount: left.length,
    };
  }
}
