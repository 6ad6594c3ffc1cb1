// Entry of the lock watcher process (dist/lock-watcher.js): one long-lived process that reads the locks
// of the files it is asked to watch, on a timer, and streams each reading to its parent. It only reads
// /proc, file headers and stat: it never loads SQLite, so it holds no connection whose locks a closed
// descriptor could drop. It ends when its parent disconnects or dies (the IPC channel closes).
import { LockWatch, type LockReading } from '../locks/lockWatch';
import type { LockReport } from '../locks/lockReport';
import { engineErrorOf } from './engineCalls';
import type { LockWatcherStats, LockWatcherWire, ToLockWatcher } from './lockWatcherProtocol';

if (!process.send) {
  process.stderr.write('lock-watcher.js is started by sqlite-lock-doctor, not by hand.\n');
  process.exitCode = 2;
} else {
  const stats = (): LockWatcherStats => {
    const cpu = process.cpuUsage();
    return { pid: process.pid, ...watch.counts(), cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  /**
   * Per file, the last reading sent: its holders and processes (the reader returns the same arrays
   * while they stay the same) and the rest without its time. The next equal reading goes as `unchanged`.
   */
  const lastSent = new Map<
    string,
    { holders: LockReport['holders']; processes: LockReport['processes']; rest: string }
  >();
  const contentOf = (report: LockReport) => ({
    holders: report.holders,
    processes: report.processes,
    rest: JSON.stringify({
      ...report,
      holders: undefined,
      processes: undefined,
      takenAt: undefined,
      readMs: undefined,
    }),
  });
  const send = (message: LockWatcherWire) => {
    if (process.connected) {
      // With a callback, a channel that closed meanwhile is an ignored error, not a crash.
      process.send?.(message, undefined, {}, () => undefined);
    }
  };
  const watch = new LockWatch((reading: LockReading) => {
    if ('report' in reading) {
      const { file, report } = reading;
      const content = contentOf(report);
      const last = lastSent.get(file);
      if (
        last !== undefined &&
        last.holders === content.holders &&
        last.processes === content.processes &&
        last.rest === content.rest
      ) {
        send({ type: 'unchanged', file, takenAt: report.takenAt, readMs: report.readMs, stats: stats() });
      } else {
        lastSent.set(file, content);
        send({ type: 'reading', file, report, stats: stats() });
      }
      return;
    }
    lastSent.delete(reading.file);
    send({ type: 'failed', file: reading.file, ...engineErrorOf(reading.error), stats: stats() });
  });
  process.on('message', (message: ToLockWatcher) => {
    switch (message.type) {
      case 'watch':
        watch.watch(message.file, message.intervalMs);
        break;
      case 'unwatch':
        watch.unwatch(message.file);
        lastSent.delete(message.file);
        break;
      case 'read':
        watch.readNow(message.file);
        break;
    }
  });
  // The parent closed the channel, exited or was killed: nobody is looking any more.
  process.on('disconnect', () => {
    watch.dispose();
    process.exit(0);
  });
}
