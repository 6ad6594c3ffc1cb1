// An independent SQLite client (python3's sqlite3 module, its own SQLite library) that holds a lock in
// a separate process until told to stop. It prints "ready" once it holds the lock.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { untilReady } from './readyClient';

export interface LockHolder {
  pid: number;
  release(): Promise<void>;
}

const holderScript = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
for statement in sys.argv[2:]:
    db.execute(statement).fetchall()
print("ready", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK") if db.in_transaction else None
db.close()
`;

/** Runs the statements (e.g. "BEGIN EXCLUSIVE") and holds what they took until release(). */
export async function holdLockWithPython(file: string, statements: string[]): Promise<LockHolder> {
  const child: ChildProcessWithoutNullStreams = spawn('python3', ['-c', holderScript, file, ...statements]);
  await untilReady(child, 'python3', 20_000);
  return {
    pid: child.pid ?? -1,
    release: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.stdin.end('\n');
      }),
  };
}
