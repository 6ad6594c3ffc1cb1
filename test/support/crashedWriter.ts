// A python3 sqlite3 client that SIGKILLs itself mid-way: what a crashed writer leaves behind (a hot
// journal, a -wal and -shm), made by a real, independent SQLite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const writerScript = `
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
for statement in sys.argv[2:]:
    con.execute(statement)
os.kill(os.getpid(), signal.SIGKILL)
`;

/** Runs the statements on `file`, then SIGKILLs python3: no COMMIT, no close, as in a crash. */
export function crashAfter(file: string, statements: string[]): void {
  const result = spawnSync('python3', ['-c', writerScript, file, ...statements], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.signal, 'SIGKILL', `python3 should have killed itself: ${result.stderr}`);
}
