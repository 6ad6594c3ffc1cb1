// SQLite releases with a known locking or WAL bug, from SQLite's own release history: the one table
// the warnings come from. Each entry cites the page that documents it; docs/locks.md lists them.
// A distribution may patch an old version without changing its number: the warning says so.

export interface KnownSqliteBug {
  id: string;
  title: string;
  /** When it can strike, in one sentence. */
  conditions: string;
  /** First affected version. */
  since: string;
  /** First release of the main line with the fix. */
  fixedIn: string;
  /** Patch releases of older lines that carry the fix: that line from this version on is safe. */
  backports: readonly string[];
  /** The release notes (and the page describing the bug). */
  references: readonly string[];
}

export const knownSqliteBugs: readonly KnownSqliteBug[] = [
  {
    id: 'wal-reset',
    title: 'the WAL-reset database corruption bug',
    conditions:
      'WAL mode with two or more connections (threads or processes) that write or checkpoint at the same ' +
      'moment: a race in resetting the WAL can corrupt the database or lose committed transactions (rare)',
    since: '3.7.0',
    fixedIn: '3.51.3',
    backports: ['3.44.6', '3.50.7'],
    references: ['https://sqlite.org/releaselog/3_51_3.html', 'https://sqlite.org/wal.html#walresetbug'],
  },
];

/** "3.45.1" as [3, 45, 1]; null for anything else. */
export function parseSqliteVersion(version: string): [number, number, number] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match === null ? null : [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The table's bugs that this version has. */
export function knownBugsOf(
  version: string,
  table: readonly KnownSqliteBug[] = knownSqliteBugs,
): KnownSqliteBug[] {
  const parsed = parseSqliteVersion(version);
  if (parsed === null) {
    return [];
  }
  return table.filter((bug) => {
    const since = parseSqliteVersion(bug.since);
    const fixed = parseSqliteVersion(bug.fixedIn);
    if (since === null || fixed === null || compare(parsed, since) < 0 || compare(parsed, fixed) >= 0) {
      return false;
    }
    // A patch release of the same line carries the fix.
    return !bug.backports.some((backport) => {
      const patched = parseSqliteVersion(backport);
      return (
        patched !== null &&
        patched[0] === parsed[0] &&
        patched[1] === parsed[1] &&
        compare(parsed, patched) >= 0
      );
    });
  });
}
