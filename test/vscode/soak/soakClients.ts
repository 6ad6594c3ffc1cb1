// The soak's independent clients: python3 processes with their own sqlite3 that come and go. A writer
// commits small transactions (each a few rows tagged with its client id and sequence number) and says
// what it did on stdout; a reader reads the row count in a transaction held a moment. Each keeps a
// ledger from those lines, so the soak knows which transactions committed without trusting the tool.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Errors a client may meet under contention (a switch, a probe in place, a checkpoint, a killed writer). */
const contention = '"locked" in str(error) or "busy" in str(error)';

const writerScript = `
import random, sqlite3, sys, time
path, client, lifetime, rows, hold, gap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
db = sqlite3.connect(path, timeout=5, isolation_level=None)
seq = 0
ends = time.monotonic() + lifetime
while time.monotonic() < ends:
    seq += 1
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO soak_rows (client, seq, part) VALUES (?, ?, ?)", [(client, seq, part) for part in range(rows)])
        print("open", seq, flush=True)
        time.sleep(random.uniform(0, hold))
        db.execute("COMMIT")
        print("committed", seq, flush=True)
    except sqlite3.OperationalError as error:
        if not (${contention}):
            print("fault", seq, error, flush=True)
            sys.exit(3)
        if db.in_transaction:
            db.execute("ROLLBACK")
        print("busy", seq, error, flush=True)
    time.sleep(random.uniform(0, gap))
db.close()
`;

const readerScript = `
import random, sqlite3, sys, time
path, lifetime, hold = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
db = sqlite3.connect(path, timeout=5, isolation_level=None)
ends = time.monotonic() + lifetime
while time.monotonic() < ends:
    try:
        db.execute("BEGIN")
        count = db.execute("SELECT count(*) FROM soak_rows").fetchone()[0]
        time.sleep(random.uniform(0, hold))
        db.execute("COMMIT")
        print("read", count, flush=True)
    except sqlite3.OperationalError as error:
        if not (${contention}):
            print("fault", 0, error, flush=True)
            sys.exit(3)
        if db.in_transaction:
            db.execute("ROLLBACK")
        print("busy", 0, error, flush=True)
    time.sleep(random.uniform(0, hold))
db.close()
`;

export interface ClientLedger {
  client: number;
  kind: 'writer' | 'reader';
  pid: number;
  /** Sequence numbers whose COMMIT returned. */
  committed: Set<number>;
  /** The transaction open when the client was killed (its rows must be all there or none): set once it exited. */
  openAtKill?: number;
  /** Transactions given up on "database is locked" / busy, rolled back. */
  busy: number;
  /** Row counts a reader saw, in order: committed rows never go away, so they never decrease. */
  reads: number[];
  /** Anything else: an error other than contention, an exit other than a normal end or our SIGKILL. */
  faults: string[];
  killed: boolean;
}

export interface SoakClient {
  ledger: ClientLedger;
  /** Resolves once the process has ended (normally, or by our SIGKILL). */
  exited: Promise<void>;
  /** SIGKILL as soon as a transaction is open (now, if one is); false if it ended first. */
  killMidTransaction(): Promise<boolean>;
}

export interface ClientShape {
  lifetimeS: number;
  /** Longest pause inside a transaction (writer) or read snapshot (reader), seconds. */
  holdS: number;
  rowsPerTransaction: number;
  /** Longest pause between transactions, seconds. */
  gapS: number;
}

export function startClient(
  database: string,
  client: number,
  kind: 'writer' | 'reader',
  shape: ClientShape,
): SoakClient {
  const args =
    kind === 'writer'
      ? [
          '-c',
          writerScript,
          database,
          String(client),
          ...[shape.lifetimeS, shape.rowsPerTransaction, shape.holdS, shape.gapS].map(String),
        ]
      : ['-c', readerScript, database, String(shape.lifetimeS), String(shape.holdS)];
  const child: ChildProcessWithoutNullStreams = spawn('python3', args);
  const ledger: ClientLedger = {
    client,
    kind,
    pid: child.pid ?? -1,
    committed: new Set(),
    busy: 0,
    reads: [],
    faults: [],
    killed: false,
  };
  let open: number | undefined;
  let onOpen: (() => void) | undefined;
  let pending = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, number, ...rest] = line.split(' ');
      const value = Number(number);
      if (word === 'open') {
        open = value;
        onOpen?.();
      } else if (word === 'committed') {
        ledger.committed.add(value);
        open = undefined;
      } else if (word === 'busy') {
        ledger.busy += 1;
        open = undefined;
      } else if (word === 'read') {
        ledger.reads.push(value);
      } else if (word === 'fault') {
        ledger.faults.push(`python3 ${ledger.pid} (${kind}): ${rest.join(' ')}`);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      ledger.faults.push(`python3 could not start: ${error.message}`);
      resolve();
    });
    child.on('close', (code, signal) => {
      onOpen = undefined;
      if (!(code === 0 || (ledger.killed && signal === 'SIGKILL'))) {
        ledger.faults.push(
          `python3 ${ledger.pid} (${kind}) ended ${signal ?? `with exit code ${code}`}: ${stderr.trim()}`,
        );
      }
      resolve();
    });
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
    // All its output has been read: a transaction still open when it died must be all there or none.
    if (ledger.killed) {
      ledger.openAtKill = open;
    }
  });
  return {
    ledger,
    exited,
    killMidTransaction: async () => {
      if (ended || kind !== 'writer') {
        return false;
      }
      if (open === undefined) {
        await new Promise<void>((resolve) => {
          onOpen = resolve;
          void exited.then(resolve);
        });
      }
      if (ended) {
        return false;
      }
      ledger.killed = true;
      child.kill('SIGKILL');
      await exited;
      return true;
    },
  };
}
