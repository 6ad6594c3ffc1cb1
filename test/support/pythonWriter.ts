// An independent writer (python3's sqlite3 module, its own SQLite library) in a process of its own: one
// write transaction with the given busy timeout, reporting how it ended and how long it took.
import { execFile } from 'node:child_process';

export interface PythonWriteOutcome {
  /** undefined when the transaction committed; otherwise Python's message, e.g. "database is locked". */
  error?: string;
  elapsedMs: number;
}

const writerScript = `
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=float(sys.argv[2]), isolation_level=None)
started = time.monotonic()
try:
    db.execute("BEGIN")
    db.execute("INSERT INTO items (name) VALUES ('python writer')")
    db.execute("COMMIT")
    outcome = {}
except sqlite3.OperationalError as error:
    outcome = {"error": str(error)}
outcome["elapsedMs"] = (time.monotonic() - started) * 1000
print(json.dumps(outcome), flush=True)
`;

export function writeWithPython(file: string, busyTimeoutMs: number): Promise<PythonWriteOutcome> {
  return new Promise((resolve, reject) => {
    execFile('python3', ['-c', writerScript, file, String(busyTimeoutMs / 1000)], (error, stdout) => {
      if (error) {
        reject(new Error(`python3 writer failed: ${error.message}`));
      } else {
        resolve(JSON.parse(stdout) as PythonWriteOutcome);
      }
    });
  });
}
