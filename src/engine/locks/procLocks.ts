// Linux /proc/locks (proc_locks(5)): every file lock on the system, one per line:
//   `N: POSIX  ADVISORY  READ|WRITE PID MAJ:MIN:INODE START END|EOF`
// major and minor in hex, inode in decimal, END inclusive; `N: -> ...` is a waiter blocked on the
// lock above it. Filtered to the reader's PID namespace. Reading it takes no lock and opens no
// database file.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProcLockEntry {
  /** POSIX, FLOCK, OFDLCK, LEASE, ... */
  kind: string;
  /** Waiting for this lock, not holding it. */
  blocked: boolean;
  access: 'READ' | 'WRITE';
  pid: number;
  /** Device major and minor numbers (decoded from hex) and inode. */
  major: number;
  minor: number;
  inode: bigint;
  start: number;
  /** Inclusive; null for EOF (to the end of any file size). */
  end: number | null;
}

const linePattern =
  /^\s*\d+:\s+(->\s+)?(\S+)\s+\S+\s+(READ|WRITE)\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s+(\d+)\s+(\d+|EOF)\s*$/i;

/** With `inodes`, only the lines on those inodes are parsed (a cheap text test before the pattern). */
export function parseProcLocks(text: string, inodes?: readonly bigint[]): ProcLockEntry[] {
  const entries: ProcLockEntry[] = [];
  const marks = inodes?.map((inode) => `:${inode} `);
  for (const line of text.split('\n')) {
    if (marks !== undefined && !marks.some((mark) => line.includes(mark))) {
      continue;
    }
    const match = linePattern.exec(line);
    if (match === null) {
      continue;
    }
    const [, arrow, kind, access, pid, major, minor, inode, start, end] = match;
    entries.push({
      kind: kind.toUpperCase(),
      blocked: arrow !== undefined,
      access: access.toUpperCase() as 'READ' | 'WRITE',
      pid: Number(pid),
      major: parseInt(major, 16),
      minor: parseInt(minor, 16),
      inode: BigInt(inode),
      start: Number(start),
      end: end.toUpperCase() === 'EOF' ? null : Number(end),
    });
  }
  return entries;
}

/** Linux's dev_t split into major and minor (glibc's gnu_dev_major / gnu_dev_minor). */
export function splitLinuxDevice(device: bigint): { major: number; minor: number } {
  const major = ((device >> 8n) & 0xfffn) | ((device >> 32n) & ~0xfffn);
  const minor = (device & 0xffn) | ((device >> 12n) & ~0xffn);
  return { major: Number(major), minor: Number(minor) };
}

/**
 * The byte-range locks on the file with this device and inode (holders and waiters): POSIX locks and
 * open-file-description locks (OFDLCK, same byte ranges; SQLite builds such as modernc's Go port can
 * use them). flock() and lease lines are not SQLite's.
 */
export function posixLocksOnFile(entries: ProcLockEntry[], device: bigint, inode: bigint): ProcLockEntry[] {
  const { major, minor } = splitLinuxDevice(device);
  return entries.filter(
    (entry) =>
      (entry.kind === 'POSIX' || entry.kind === 'OFDLCK') &&
      entry.major === major &&
      entry.minor === minor &&
      entry.inode === inode,
  );
}

export function overlaps(entry: ProcLockEntry, start: number, end: number): boolean {
  return entry.start <= end && (entry.end === null || entry.end >= start);
}

/**
 * The current lock table, or null where there is none (not Linux, or /proc not mounted). `procRoot`
 * lets tests point at a prepared folder instead of /proc.
 */
export function readProcLocks(
  platform: NodeJS.Platform = process.platform,
  procRoot = '/proc',
  inodes?: readonly bigint[],
): ProcLockEntry[] | null {
  if (platform !== 'linux') {
    return null;
  }
  try {
    return parseProcLocks(fs.readFileSync(path.join(procRoot, 'locks'), 'utf8'), inodes);
  } catch {
    return null;
  }
}
