// An independent pool (python3's sqlite3 module, its own SQLite library) in a process of its own, as the
// pool preset runs one: an outside writer holds its lock while requests take connections from a queue of
// `size` connections (threads, as a web server's workers), each writing and holding the lock for a while.
import { execFile } from 'node:child_process';

export interface PythonPoolOutcome {
  /** Per request, in the order they ended: "committed" or Python's message ("database is locked"). */
  outcomes: string[];
  /** How long each request waited for a free connection, ms. */
  poolWaitsMs: number[];
}

const poolScript = `
import json, queue, sqlite3, sys, threading, time
path, size, timeout, unit, requests = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
def connect():
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
writer = connect()
pool = queue.Queue()
for _ in range(size):
    pool.put(connect())
started = time.monotonic()
def at(seconds):
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
writer.execute("BEGIN")
writer.execute("INSERT INTO items (name) VALUES ('writer')")
outcomes, waits, lock = [], [], threading.Lock()
def hold_writer():
    at(0.1 + unit)
    writer.execute("COMMIT")
def request():
    at(0.1)
    asked = time.monotonic()
    db = pool.get()
    waited = (time.monotonic() - asked) * 1000
    try:
        db.execute("BEGIN")
        db.execute("INSERT INTO items (name) VALUES ('request')")
        time.sleep(2 * unit)
        db.execute("COMMIT")
        outcome = "committed"
    except sqlite3.OperationalError as error:
        outcome = str(error)
        if db.in_transaction:
            db.execute("ROLLBACK")
    finally:
        pool.put(db)
    with lock:
        outcomes.append(outcome)
        waits.append(waited)
threads = [threading.Thread(target=hold_writer)] + [threading.Thread(target=request) for _ in range(requests)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"outcomes": outcomes, "poolWaitsMs": waits}), flush=True)
`;

/** Times as the pool preset's: requests arrive 100 ms after the writer's BEGIN, which holds `unitMs` more. */
export function poolWithPython(
  file: string,
  options: { size: number; busyTimeoutMs: number; unitMs: number; requests: number },
): Promise<PythonPoolOutcome> {
  const args = [
    '-c',
    poolScript,
    file,
    String(options.size),
    String(options.busyTimeoutMs / 1000),
    String(options.unitMs / 1000),
    String(options.requests),
  ];
  return new Promise((resolve, reject) => {
    execFile('python3', args, (error, stdout) => {
      if (error) {
        reject(new Error(`python3 pool failed: ${error.message}`));
      } else {
        resolve(JSON.parse(stdout) as PythonPoolOutcome);
      }
    });
  });
}
