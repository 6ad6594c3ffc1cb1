// The recorder: samples the locks on a database (and its -wal size) on a fixed schedule until stopped,
// and hands back the Recording. Runs in a process that holds no SQLite connection to the file (the CLI,
// or the recorder child for the extension): it opens no database connection and takes no lock; it
// reads /proc/locks, stats the -wal and -shm files and reads the database header once, to validate it.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { journalModeOf } from '../header/journalModeOf';
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { LockSampler } from '../locks/lockSampler';
import { unsupportedPlatformNote, procLocksUnreadableNote } from '../locks/platformLimits';
import { ProcessNameCache } from '../locks/processNames';
import { OperationError } from '../userInputError';
import { RecordingBuilder } from './recordingBuilder';
import { type RecordingCaps, defaultRecordingCaps } from './recordingCaps';
import { recordingLimits } from './recordingLimits';
import { type AppOutput, type Recording, recordingSchema } from './recordingTypes';
import { SamplingJitter } from './samplingJitter';

export interface RecorderOptions {
  intervalMs: number;
  procRoot?: string;
  platform?: string;
  caps?: RecordingCaps;
}

export interface RecorderProgress {
  elapsedMs: number;
  samples: number;
  /** Processes holding a lock at the last sample. */
  holders: number;
  /** CPU time (user + system) of the recording process since the recorder started, ms. */
  cpuMs: number;
}

export class LockRecorder {
  private readonly sampler: LockSampler;
  private readonly builder: RecordingBuilder;
  private readonly jitter = new SamplingJitter();
  private readonly names: ProcessNameCache;
  private readonly database: string;
  private readonly journalMode: string;
  private readonly startedAt: string;
  private readonly t0: number;
  private readonly cpuAtStart: NodeJS.CpuUsage;
  private slot = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  /**
   * Validates the file (UserInputError naming it) and takes the first sample at once. Throws
   * OperationError where locks cannot be read (not Linux, no /proc).
   */
  constructor(
    file: string,
    private readonly options: RecorderOptions,
  ) {
    const header = readDatabaseHeader(file);
    const platform = options.platform ?? process.platform;
    if (platform !== 'linux') {
      throw new OperationError(`cannot record locks here: ${unsupportedPlatformNote(platform, header.path)}`);
    }
    this.database = header.path;
    this.journalMode = journalModeOf(header.header);
    const procRoot = options.procRoot ?? '/proc';
    try {
      this.sampler = new LockSampler(header, journalModeOf(header.header), { procRoot });
    } catch {
      throw new OperationError(`cannot record locks: ${procLocksUnreadableNote}`);
    }
    this.names = new ProcessNameCache(procRoot);
    this.builder = new RecordingBuilder(
      options.intervalMs,
      this.names.nameOf,
      options.caps ?? defaultRecordingCaps,
    );
    this.startedAt = new Date().toISOString();
    this.cpuAtStart = process.cpuUsage();
    this.t0 = performance.now();
    this.takeSample(this.t0);
  }

  /** Samples on the schedule (every intervalMs from the start) until stop(). */
  start(): void {
    if (this.timer === undefined && !this.stopped) {
      this.scheduleNext();
    }
  }

  /** The recording's clock: ms since its first sample. */
  elapsedMs(): number {
    return performance.now() - this.t0;
  }

  progress(): RecorderProgress {
    return {
      elapsedMs: Math.round(this.elapsedMs()),
      samples: this.builder.samples,
      holders: this.builder.holdersNow,
      cpuMs: cpuMsSince(this.cpuAtStart),
    };
  }

  /** Takes a last sample, stops and returns the recording; `extra` adds what other sources recorded. */
  stop(extra: { app?: AppOutput; load?: unknown } = {}): Recording {
    if (!this.stopped) {
      clearTimeout(this.timer);
      this.stopped = true;
      this.takeSample(performance.now());
      this.sampler.close();
    }
    const parts = this.builder.finish();
    const seconds = Math.max(parts.durationMs, 1) / 1000;
    const sampling = {
      jitterP50Ms: this.jitter.percentile(50),
      jitterP99Ms: this.jitter.percentile(99),
      missedSamples: this.jitter.missed,
      cpuMsPerSecond: Math.round((cpuMsSince(this.cpuAtStart) / seconds) * 100) / 100,
    };
    const facts = {
      intervalMs: this.options.intervalMs,
      journalMode: this.journalMode,
      sampling,
      intervalResolutionMs: parts.intervalResolutionMs,
      mergedIntervals: parts.mergedIntervals,
      droppedProcesses: parts.droppedProcesses,
    };
    return {
      schema: recordingSchema,
      id: randomUUID(),
      database: this.database,
      startedAt: this.startedAt,
      ...facts,
      ...parts,
      limits: recordingLimits(facts),
      ...(extra.app === undefined ? {} : { app: extra.app }),
      ...(extra.load === undefined ? {} : { load: extra.load }),
    };
  }

  private scheduleNext(): void {
    const delay = this.t0 + this.slot * this.options.intervalMs - performance.now();
    this.timer = setTimeout(
      () => {
        if (this.stopped) {
          return;
        }
        const now = performance.now();
        // Off schedule either way: a timer can fire a fraction of a millisecond early too.
        this.jitter.add(Math.abs(now - (this.t0 + this.slot * this.options.intervalMs)));
        this.takeSample(now);
        this.scheduleNext();
      },
      // Node's timers count whole milliseconds and cut the fraction (firing up to 1 ms early): round up.
      Math.max(0, Math.ceil(delay)),
    );
  }

  private takeSample(now: number): void {
    const sampled = this.sampler.sample();
    this.builder.add({ atMs: now - this.t0, holders: sampled.holders, walBytes: sampled.walBytes });
    // The next slot on the schedule; slots that already passed are skipped and counted.
    const due = Math.floor((performance.now() - this.t0) / this.options.intervalMs) + 1;
    const next = Math.max(this.slot + 1, due);
    if (this.builder.samples > 1) {
      this.jitter.missed += next - this.slot - 1;
    }
    this.slot = next;
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 10) / 100;
}
