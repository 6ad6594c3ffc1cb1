// An hour of a busy app at the default interval, fed to the recorder's builder as synthetic samples (no
// /proc: the clock and the lock table are made up): 40 WAL connections, each in a short transaction
// about a fifth of the time, a write every few, the -wal growing and resetting. What the recording
// keeps stays bounded: the lanes' intervals, the JSON's size, the heap.
import type { SampledHolder } from '../src/engine/record/recordingBuilder';
import { RecordingBuilder } from '../src/engine/record/recordingBuilder';

/** A small deterministic generator (mulberry32), so every run feeds the same hour. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HourResult {
  samples: number;
  intervalsKept: number;
  mergedIntervals: number;
  resolutionMs: number;
  writeHolds: number;
  jsonBytes: number;
  heapMb: number;
  seconds: number;
}

export function hourOfBusyApp(intervalMs: number, clients = 40, minutes = 60): HourResult {
  const next = random(42);
  const builder = new RecordingBuilder(intervalMs, (pid) => ({
    command: 'worker',
    commandLine: `worker ${pid}`,
  }));
  const busyUntil = new Array<number>(clients).fill(0);
  const writing = new Array<boolean>(clients).fill(false);
  const idleUntil = new Array<number>(clients).fill(0);
  const started = performance.now();
  const samples = Math.round((minutes * 60_000) / intervalMs);
  let holders: SampledHolder[] = [];
  let walBytes = 0;
  for (let step = 0; step < samples; step++) {
    const at = step * intervalMs;
    let changed = false;
    for (let client = 0; client < clients; client++) {
      if (busyUntil[client] > 0 && at >= busyUntil[client]) {
        busyUntil[client] = 0;
        idleUntil[client] = at + 50 + next() * 200;
        changed = true;
      } else if (busyUntil[client] === 0 && at >= idleUntil[client]) {
        busyUntil[client] = at + 5 + next() * 60;
        writing[client] = next() < 0.3;
        changed = true;
        if (writing[client]) {
          walBytes += 4120 * (1 + Math.floor(next() * 4));
        }
      }
    }
    if (walBytes > 4_000_000) {
      walBytes = 0; // a checkpoint restarted the WAL
    }
    if (changed) {
      holders = [];
      for (let client = 0; client < clients; client++) {
        const pid = 1000 + client;
        holders.push(
          { pid, file: 'db', lock: 'SHARED', waiting: false },
          { pid, file: 'shm', lock: 'OPEN', waiting: false },
        );
        if (busyUntil[client] > 0) {
          holders.push({ pid, file: 'shm', lock: 'WAL_READ', readSlot: 1, waiting: false });
          if (writing[client]) {
            holders.push({ pid, file: 'shm', lock: 'WAL_WRITE', waiting: false });
          }
        }
      }
    }
    builder.add({ atMs: at, holders, walBytes });
  }
  const parts = builder.finish();
  const json = JSON.stringify(parts);
  return {
    samples,
    intervalsKept: parts.processes.reduce((sum, process) => sum + process.intervals.length, 0),
    mergedIntervals: parts.mergedIntervals,
    resolutionMs: parts.intervalResolutionMs,
    writeHolds: parts.summary.writeHolds.count,
    jsonBytes: json.length,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}
