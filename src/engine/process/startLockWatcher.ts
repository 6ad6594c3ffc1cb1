// Starts the lock watcher process (dist/lock-watcher.js, built beside the bundle that starts it) and
// gives its typed messages. The caller stops it when nobody looks; it also ends by itself when the
// caller's process goes away.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { withHeldFor } from '../locks/holdClock';
import type { LockReport } from '../locks/lockReport';
import type { FromLockWatcher, LockWatcherWire, ToLockWatcher } from './lockWatcherProtocol';

export interface LockWatcherProcess {
  readonly pid: number | undefined;
  send(message: ToLockWatcher): void;
  /** Ends the process (it holds nothing, so there is nothing to clean up). */
  stop(): void;
}

export function startLockWatcher(
  onMessage: (message: FromLockWatcher) => void,
  /** Called once when the process is gone, whoever ended it. */
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void,
): LockWatcherProcess {
  const child = fork(join(__dirname, 'lock-watcher.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  child.on('error', (error) => process.stderr.write(`sqlite-lock-doctor: lock watcher: ${error.message}\n`));
  // The last full reading per file, to complete the `unchanged` ones.
  const lastReports = new Map<string, LockReport>();
  // The watcher sends when each lock was first seen; how long that is, is worked out per reading here.
  const timed = (report: LockReport): LockReport => ({
    ...report,
    holders: withHeldFor(report.holders, report.takenAt),
  });
  child.on('message', (wire: LockWatcherWire) => {
    if (wire.type === 'unchanged') {
      const last = lastReports.get(wire.file);
      if (last !== undefined) {
        const report = timed({ ...last, takenAt: wire.takenAt, readMs: wire.readMs });
        onMessage({ type: 'reading', file: wire.file, report, stats: wire.stats });
      }
      return;
    }
    if (wire.type === 'reading') {
      lastReports.set(wire.file, wire.report);
      onMessage({ ...wire, report: timed(wire.report) });
      return;
    }
    lastReports.delete(wire.file);
    onMessage(wire);
  });
  child.once('close', onExit);
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) {
        child.send(message);
      }
    },
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
      }
    },
  };
}
