// Scale of the lock scan (issue 9, item 5): one `locks` reading (readLockHolders: /proc/locks parsed,
// holders decoded and described) against a prepared /proc whose `locks` has 10 000 lines, most of them
// other files' locks as on a busy server, against the same reading with 100 lines as the baseline.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readLockHolders } from '../src/engine/locks/readLockHolders';
import { openDatabase } from '../src/engine/sqliteModule';
import { addProcess, procLockId, writeProcLocks } from '../test/support/fakeProc';
import type { BenchReport } from './benchReport';

/** `lines` lock lines: 8 readers on the database, the rest on other inodes of the same device. */
function prepareProc(root: string, database: string, lines: number): void {
  const id = procLockId(database);
  const [major, minor] = id.split(':');
  const holders = 8;
  writeProcLocks(
    root,
    Array.from({ length: lines }, (_, index) =>
      index < holders
        ? `${index + 1}: POSIX  ADVISORY  READ ${5000 + index} ${id} 1073741826 1073742335`
        : `${index + 1}: POSIX  ADVISORY  WRITE ${9000 + (index % 500)} ${major}:${minor}:${900000 + index} 0 EOF`,
    ),
  );
  for (let index = 0; index < holders; index++) {
    addProcess(root, 5000 + index, { comm: `app${index}`, cmdline: `app\0--worker\0${index}` }, [database]);
  }
}

function medianReadingMs(database: string, procRoot: string, readings: number): number {
  const times: number[] = [];
  for (let reading = 0; reading < readings; reading++) {
    const started = performance.now();
    readLockHolders(database, { platform: 'linux', procRoot });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export function benchLockScanScale(report: BenchReport, folder: string, readings: number): void {
  const database = join(folder, 'scan.db');
  const db = openDatabase(database);
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY)');
  db.close();
  const roots = { small: join(folder, 'proc-100'), large: join(folder, 'proc-10000') };
  mkdirSync(roots.small, { recursive: true });
  prepareProc(roots.small, database, 100);
  prepareProc(roots.large, database, 10_000);
  // A first reading each, so both are timed warm.
  readLockHolders(database, { platform: 'linux', procRoot: roots.small });
  readLockHolders(database, { platform: 'linux', procRoot: roots.large });
  const baseline = medianReadingMs(database, roots.small, readings);
  const measured = medianReadingMs(database, roots.large, readings);
  report.push(
    'Scale: the lock scan',
    {
      figure: 'one reading, 10 000 lines in /proc/locks (8 on the database)',
      goal: 'at most linear: ≤ 100× the 100-line reading',
      measured,
      baseline,
      baselineIs: '100 lines',
      unit: 'ms',
    },
    `A prepared /proc (test/support/fakeProc.ts) with a real database file; \`locks\`'s whole reading ` +
      `(readLockHolders), median of ${readings}.`,
  );
}
