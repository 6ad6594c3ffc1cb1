// What a fault case checks afterwards, with independent tools: python3's sqlite3 reads the database
// (integrity_check, tables, a checksum of every user row), /proc says which processes still run.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

export interface DatabaseState {
  integrity: string;
  journalMode: string;
  tables: string[];
  /** sha256 over every row of every table but the probe's, in rowid order. */
  contentSha256: string;
}

const stateScript = `
import hashlib, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
mode = db.execute("PRAGMA journal_mode").fetchone()[0]
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
digest = hashlib.sha256()
for table in tables:
    if table == "_lock_doctor_probe":
        continue
    digest.update(table.encode())
    for row in db.execute('SELECT * FROM "%s" ORDER BY rowid' % table.replace('"', '""')):
        digest.update(repr(row).encode())
db.close()
print(json.dumps({"integrity": integrity, "journalMode": mode, "tables": tables, "contentSha256": digest.hexdigest()}))
`;

/** Opens the file with python3 (which also rolls back a hot journal, as any next client would). */
export function databaseState(file: string): DatabaseState {
  return JSON.parse(
    execFileSync('python3', ['-c', stateScript, file], { encoding: 'utf8' }),
  ) as DatabaseState;
}

/** Whether `pid` runs: present in /proc and not a zombie (a reparented zombie is no running process). */
export function isLive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes whose command line contains `text` (e.g. engine-process.js), with their parent. */
export function processesMatching(text: string): { pid: number; ppid: number }[] {
  const found: { pid: number; ppid: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmdline.includes(text) || !isLive(Number(name))) {
        continue;
      }
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid: Number(name), ppid });
    } catch {
      // It ended while we looked.
    }
  }
  return found;
}

/** Waits until none of `pids` runs; returns those still running after `timeoutMs`. */
export async function untilGone(pids: Iterable<number>, timeoutMs = 15_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = [...pids].filter(isLive);
    if (live.length === 0 || Date.now() > deadline) {
      return live;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls (every few ms) until `condition` holds; rejects after `timeoutMs`. */
export async function pollUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** pollUntil without yielding: for a state another process holds only for milliseconds (a checkpoint on a
 * quiet machine), seen by reading /proc/locks back to back. Only for conditions another process makes. */
export function spinUntil(condition: () => boolean, what: string, timeoutMs = 20_000): void {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    }
  }
}

/** PIDs holding a POSIX write lock over `byte` of `file` (an EXCLUSIVE lock when on the SHARED range). */
export function writeLockHolders(file: string, byte: number): number[] {
  const inode = statSync(file).ino;
  const pids: number[] = [];
  for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 1073741826 1073742335"
    const [, kind, , type, pid, device, start, end] = line.trim().split(/\s+/);
    if (kind !== 'POSIX' || type !== 'WRITE' || device === undefined) {
      continue;
    }
    const last = end === 'EOF' ? Infinity : Number(end);
    if (Number(device.split(':')[2]) === inode && Number(start) <= byte && byte <= last) {
      pids.push(Number(pid));
    }
  }
  return pids;
}
