// A real process that looks hostile to whoever lists it: its name (comm, set with prctl) and its
// command line (argv[0] and the arguments) carry HTML, ANSI escape sequences and bidi controls, and it
// holds a write lock on a database (python3's own sqlite3) until released.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LockHolder } from './lockHolder';
import { untilReady } from './readyClient';

/** At most 15 bytes (the kernel's limit for comm): ESC [31m, a tag, a right-to-left override. */
export const hostileProcessName = '\u001b[31m<b>\u202Ex';

/** The name as the tool reads it from /proc: C0 controls as blanks (trimmed), bidi controls as U+FFFD. */
export const hostileProcessNameAsRead = '[31m<b>\uFFFDx';

const holderScript = `
import ctypes, sqlite3, sys
ctypes.CDLL(None).prctl(15, ctypes.c_char_p(sys.argv[1].encode()), 0, 0, 0)
db = sqlite3.connect(sys.argv[2], timeout=0, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO items (name) VALUES ('hostile')")
print("ready", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
db.close()
`;

/** Starts the process in `folder` (its script lives there) and resolves once it holds the lock. */
export async function holdLockHostile(
  folder: string,
  database: string,
  argv0: string,
  args: readonly string[],
): Promise<LockHolder> {
  const script = join(folder, 'holder.py');
  writeFileSync(script, holderScript);
  // argv cannot carry NUL: it would end the argument.
  // Debian's python3 itself: a wrapper (pyenv's shim) would exec it again with its own argv[0].
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const child = spawn(
    python,
    [script, hostileProcessName, database, ...args.map((arg) => arg.replace(/\0/g, ''))],
    {
      argv0: argv0.replace(/\0/g, ''),
    },
  );
  await untilReady(child, 'python3 (hostile name)', 20_000);
  return {
    pid: child.pid ?? -1,
    release: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.stdin.end('\n');
      }),
  };
}
