// The plain-language verdict: what happened, why, and the fix the evidence points to. Each rule reads
// the timeline's evidence (error codes, how long a failing statement waited, the execution model, the
// journal mode); the fixes come out most specific first, without repeats.
import { formatMs } from '../text/formatMs';
import { journalFamily } from './lockModel';
import type { FixKind, ProbeConfig, SessionResult, Verdict, WalSample } from './probeTypes';

const fixTexts: Record<Exclude<FixKind, 'none'>, string> = {
  'off-event-loop':
    'Keep blocking database calls off the event loop: use an async driver (aiosqlite, SQLAlchemy async), a sync endpoint (FastAPI runs "def" handlers in a thread pool), or run the calls in a worker thread, so the session that holds the lock can reach its commit.',
  'begin-immediate':
    'Start write transactions with BEGIN IMMEDIATE (better-sqlite3 .immediate(), Python isolation_level="IMMEDIATE", Go _txlock=immediate): the write lock is taken at BEGIN, where the busy timeout applies, instead of failing at once on the first write.',
  'busy-timeout':
    'Set a busy timeout (e.g. 5000 ms: PRAGMA busy_timeout = 5000, Python timeout=5, Go _busy_timeout=5000) so a connection waits for a lock instead of failing at once.',
  wal: 'Switch the database to WAL (PRAGMA journal_mode=WAL, persistent): readers no longer block the writer and the writer no longer blocks readers.',
  'shorter-transactions':
    'Keep write transactions short: do slow work (network calls, sleeps, heavy computation) before BEGIN or after COMMIT, or raise the busy timeout above the longest transaction.',
  'no-shared-cache':
    "Open each connection with a cache of its own: drop cache=shared from the connection URI (Python's sqlite3 with uri=True, a Go DSN, a shared in-memory database): with WAL, readers then read beside the writer, and a wait for the write lock obeys the busy timeout.",
  'bound-reads':
    'Bound read transactions: end them (COMMIT, close the cursor) before slow work and never hold one across requests, so checkpoints can pass them; run PRAGMA wal_checkpoint(TRUNCATE) when readers are gone to give the WAL back its space.',
  'single-connection-pool':
    'Give writes a pool of one connection (Go: a *sql.DB for writes with SetMaxOpenConns(1); SQLAlchemy: pool_size=1 with max_overflow=0, or StaticPool): requests then wait in the pool, which has no busy timeout, instead of at the lock, where each gives up after its own; reads may keep a larger pool in WAL. If the transactions read before they write, begin them IMMEDIATE as well (Go _txlock=immediate).',
  'busy-timeout-every-connection':
    'Set the busy timeout where every pooled connection gets it, and longer than the longest queue at the lock: in the DSN (Go mattn _busy_timeout=10000, modernc _pragma=busy_timeout(10000)) or the pool\'s connect hook (SQLAlchemy connect_args={"timeout": 10}); a PRAGMA busy_timeout run once through the pool reaches one connection only.',
  'close-cursors':
    'Finish or close every query as soon as its rows are read: consume or close the iterator (Python cursor.fetchall() or cursor.close(), Go defer rows.Close(), better-sqlite3 iterator.return()), and never keep one open across slow work: an unfinished SELECT keeps its read transaction even outside BEGIN.',
};

interface Finding {
  explanation: string;
  fixes: Exclude<FixKind, 'none'>[];
}

export function explainProbe(
  config: ProbeConfig,
  sessions: SessionResult[],
  /** WAL runs: the -wal file's size over the run. */
  walBytes: readonly WalSample[] = [],
): Verdict {
  const family = journalFamily(config.journalMode);
  const failed = sessions.filter((session) => session.outcome === 'failed');
  const findings: Finding[] = [];
  const timeoutMs = config.busyTimeoutMs;
  const longest = sessions.reduce((a, b) => (b.waitedMs > a.waitedMs ? b : a), sessions[0]);
  const errors = sessions.flatMap((session) =>
    session.events.filter((event) => event.kind === 'error').map((event) => ({ session, event })),
  );
  // A session may have a busy timeout of its own (the no-timeout preset's connection configured apart).
  const ownTimeouts = new Map(config.sessions.map((plan) => [plan.name, plan.busyTimeoutMs]));
  const timeoutOf = (session: SessionResult) => ownTimeouts.get(session.name) ?? timeoutMs;
  // With no busy timeout nothing waits, so no error can have waited "the whole timeout".
  const waitedWholeTimeout = (session: SessionResult, elapsedUs = 0) =>
    timeoutOf(session) > 0 && elapsedUs / 1000 >= timeoutOf(session) * 0.9;
  // SQLITE_LOCKED is not a busy wait: the busy handler never runs for it (see the shared-cache finding).
  const busyErrors = errors.filter(({ event }) => event.code?.startsWith('SQLITE_BUSY'));
  const lockedErrors = errors.filter(({ event }) => event.code?.startsWith('SQLITE_LOCKED'));
  const timedOut = busyErrors.filter(({ session, event }) => waitedWholeTimeout(session, event.elapsedUs));
  const immediate = busyErrors.filter(({ session, event }) => !waitedWholeTimeout(session, event.elapsedUs));
  const withoutTimeout = busyErrors.filter(({ session }) => timeoutOf(session) === 0);

  if (config.model === 'blocking' && timedOut.length > 0) {
    const { session } = timedOut[0];
    findings.push({
      explanation: `${session.name} waited the whole busy timeout (${timeoutMs} ms) for a lock held by a session on the same thread. While ${session.name}'s statement blocked the event loop, the holder could not run its commit, so the wait could never succeed: this is a synchronous driver inside an async handler. WAL does not change it; only a writer that yields can.`,
      fixes: ['off-event-loop', 'shorter-transactions'],
    });
  }
  const snapshots = errors.filter(({ event }) => event.code === 'SQLITE_BUSY_SNAPSHOT');
  if (snapshots.length > 0) {
    findings.push({
      explanation: `${names(snapshots)} read in a deferred transaction, another session committed, and then the write failed with SQLITE_BUSY_SNAPSHOT: the snapshot it read is stale, so no busy timeout can help; only a rollback and retry, or taking the write lock at BEGIN.`,
      fixes: ['begin-immediate'],
    });
  }
  const upgrades = immediate.filter(
    ({ session, event }) => event.code !== 'SQLITE_BUSY_SNAPSHOT' && timeoutOf(session) > 0,
  );
  if (upgrades.length > 0) {
    findings.push({
      explanation: `${names(upgrades)} failed with ${upgrades[0].event.code} at once (after ${formatMs((upgrades[0].event.elapsedUs ?? 0) / 1000)}), not after the ${timeoutMs} ms busy timeout: a deferred transaction that has already read cannot wait for the write lock, because SQLite does not call the busy handler when waiting could deadlock.`,
      fixes: ['begin-immediate'],
    });
  }
  if (withoutTimeout.length > 0) {
    const who = timeoutMs === 0 ? 'The busy timeout is' : `${names(withoutTimeout)}'s busy timeout is`;
    const waiters = sessions.filter((session) => timeoutOf(session) > 0 && session.waitedMs >= 1);
    const contrast =
      waiters.length > 0 && waiters.every((session) => session.outcome === 'committed')
        ? ` ${names(waiters.map((session) => ({ session })))}, with a busy timeout of ${timeoutOf(waiters[0])} ms, met the same lock, waited ${formatMs(waiters[0].waitedMs)} and committed.`
        : '';
    findings.push({
      explanation: `${who} 0 ms (the default of SQLite's C API and node:sqlite, or a PRAGMA busy_timeout run on another pooled connection), so a connection that finds the database locked fails at once instead of waiting.${contrast}`,
      fixes: ['busy-timeout'],
    });
  }
  if (lockedErrors.length > 0) {
    const { session, event } = lockedErrors[0];
    const sharers = config.sessions.filter((plan) => plan.sharedCache).map((plan) => plan.name);
    const privateReaders = sessions.filter(
      (other) => other.outcome === 'committed' && !sharers.includes(other.name) && other.rows.attempted === 0,
    );
    const contrast =
      privateReaders.length > 0
        ? ` ${names(privateReaders.map((reader) => ({ session: reader })))}, a connection with a cache of its own, read at the same moment without an error.`
        : '';
    const others = sharers.filter((name) => name !== session.name);
    const how =
      others.length > 0
        ? `It shares one cache with ${others.join(', ')} (cache=shared), and in a shared cache connections lock tables against each other`
        : 'Connections that share a cache (cache=shared) lock tables against each other, as does one connection changing a table its own statement still reads';
    findings.push({
      explanation: `${names(lockedErrors)} failed with ${event.code} (${event.errno ?? 6}${event.code === 'SQLITE_LOCKED' ? '' : ', a kind of SQLITE_LOCKED, 6'}: "${event.message ?? 'database table is locked'}") after ${formatMs((event.elapsedUs ?? 0) / 1000)}, not after its ${timeoutOf(session)} ms busy timeout. ${how}: SQLite returns SQLITE_LOCKED, which the busy handler never waits for.${contrast}`,
      fixes: ['no-shared-cache'],
    });
  }
  const cursorFinding = forgottenCursor(config, sessions, walBytes, family);
  if (cursorFinding) {
    findings.push(cursorFinding);
  } else {
    const starved = starvedCheckpoint(config, walBytes, family);
    if (starved) {
      findings.push(starved);
    }
  }
  const poolFinding = config.model === 'blocking' ? undefined : pool(config, sessions, timedOut);
  if (poolFinding) {
    findings.push(poolFinding);
  }
  if (config.model !== 'blocking' && timedOut.length > 0) {
    findings.push({
      explanation: `${names(timedOut)} waited the whole busy timeout (${timeoutMs} ms) and gave up: another session held a conflicting lock for longer than that.`,
      fixes: family === 'rollback' ? ['shorter-transactions', 'wal'] : ['shorter-transactions'],
    });
  }
  const writerWaitedForReaders =
    family === 'rollback' && sessions.some((session) => (session.longestWaitMs.EXCLUSIVE ?? 0) >= 1);
  if (writerWaitedForReaders) {
    findings.push({
      explanation:
        'In rollback-journal mode a writer must wait for every reader to finish before it can commit (PENDING, then EXCLUSIVE); in WAL mode it would not.',
      fixes: ['wal'],
    });
  }

  const fixes = [...new Set(findings.flatMap((finding) => finding.fixes))].map((kind) => ({
    kind,
    text: fixTexts[kind],
  }));
  const rowsNote = `${sessions.reduce((sum, session) => sum + session.rows.committed, 0)} of ${sessions.reduce((sum, session) => sum + session.rows.attempted, 0)} rows committed`;
  if (failed.length === 0) {
    const waitNote =
      longest && longest.waitedMs >= 1
        ? ` ${longest.name} waited ${formatMs(longest.waitedMs)} for a lock and the busy timeout (${timeoutMs} ms) covered it.`
        : '';
    return {
      summary: `No lock errors: all ${sessions.length} sessions finished, ${rowsNote}.`,
      explanation: [
        ...(waitNote ? [waitNote.trim()] : []),
        ...findings.map((finding) => finding.explanation),
      ],
      fixes: fixes.length > 0 ? fixes : [{ kind: 'none', text: 'Nothing to fix in this configuration.' }],
    };
  }
  const codes = [...new Set(errors.map(({ event }) => event.code ?? 'ERROR'))].join(', ');
  return {
    summary: `${failed.length} of ${sessions.length} sessions failed (${codes}), ${rowsNote}.`,
    explanation: findings.map((finding) => finding.explanation),
    fixes,
  };
}

/** The pool preset: requests that queued at the lock (several connections) or in the pool (one). */
function pool(
  config: ProbeConfig,
  sessions: SessionResult[],
  timedOut: { session: SessionResult }[],
): Finding | undefined {
  const plans = config.sessions.filter((plan) => plan.pooled);
  if (plans.length === 0) {
    return undefined;
  }
  const pooled = sessions.filter((session) => plans.some((plan) => plan.name === session.name));
  const requests = plans.reduce((sum, plan) => sum + (plan.repeat ?? 1), 0);
  const size = config.poolSize ?? plans.length;
  const gaveUp = timedOut.filter(({ session }) => pooled.includes(session));
  if (plans.length > 1 && gaveUp.length > 0) {
    return {
      explanation: `The pool opened ${plans.length} connections (pool size ${size}) for ${requests} requests, so they ran at once and queued at the lock, where each waits only its busy timeout: ${names(gaveUp)} waited the whole ${config.busyTimeoutMs} ms behind the writer and the other requests' transactions and failed.${plans.length < requests ? " The lock is no queue: a connection that has just committed can take it again before the others' busy handlers wake from their sleep." : ''} With one connection (--pool-size 1) the same requests queue in the pool, where nothing times out, and none fails.`,
      fixes: ['single-connection-pool', 'busy-timeout-every-connection'],
    };
  }
  if (plans.length === 1 && pooled.every((session) => session.outcome === 'committed')) {
    const [only] = pooled;
    const arrivalMs = plans[0].steps.find((step) => step.at !== undefined)?.at ?? 0;
    const begins = only.events.filter((event) => event.kind === 'begin').map((event) => event.tUs / 1000);
    const lastBeginMs = begins.length > 0 ? Math.max(...begins) : arrivalMs;
    return {
      explanation: `The pool has one connection: ${only.name} served the ${requests} requests one after another, so they queued in the pool (the last began ${formatMs(lastBeginMs - arrivalMs)} after it arrived), not at the lock, where the longest wait was ${formatMs(Math.max(0, ...Object.values(only.longestWaitMs).filter((ms) => ms !== undefined)))}, within the ${config.busyTimeoutMs} ms busy timeout: none failed.`,
      fixes: [],
    };
  }
  return undefined;
}

/** SQLite's default wal_autocheckpoint, pages; with 4 KiB pages about 4 MB of WAL. */
const autoCheckpointPages = 1000;

/** A session that left a SELECT unfinished ('cursor' step), and what its read transaction did to the others. */
function forgottenCursor(
  config: ProbeConfig,
  sessions: SessionResult[],
  walBytes: readonly WalSample[],
  family: 'rollback' | 'wal',
): Finding | undefined {
  const holders = config.sessions.filter((plan) => plan.steps.some((step) => step.op === 'cursor'));
  if (holders.length === 0) {
    return undefined;
  }
  const holder = holders.map((plan) => plan.name).join(', ');
  const opening = `${holder} stepped a SELECT once and left it unfinished (an iterator not consumed, rows not closed): until the statement is reset its read transaction stays open, even outside BEGIN.`;
  if (family === 'rollback') {
    const waiters = sessions.filter((session) => (session.longestWaitMs.EXCLUSIVE ?? 0) >= 1);
    if (waiters.length === 0) {
      return undefined;
    }
    const gaveUp = waiters.filter((session) => session.outcome === 'failed');
    const ending =
      gaveUp.length > 0
        ? `${names(gaveUp.map((session) => ({ session })))}'s COMMIT waited for that read lock (PENDING, then EXCLUSIVE) and failed after the busy timeout.`
        : `${names(waiters.map((session) => ({ session })))}'s COMMIT waited ${formatMs(waiters[0].longestWaitMs.EXCLUSIVE ?? 0)} for that read lock (PENDING, then EXCLUSIVE).`;
    return { explanation: `${opening} ${ending}`, fixes: ['close-cursors', 'wal'] };
  }
  if (walBytes.length < 2) {
    return undefined;
  }
  const first = walBytes[0].bytes;
  const largest = Math.max(...walBytes.map((sample) => sample.bytes));
  return {
    explanation: `${opening} In WAL the writers commit beside it, but no checkpoint can copy frames past the snapshot it holds or restart the WAL: the -wal file grew from ${formatBytes(first)} to ${formatBytes(largest)}, where wal_autocheckpoint (${autoCheckpointPages} pages) would have restarted it at about ${formatBytes(autoCheckpointBytes)}.`,
    fixes: ['close-cursors'],
  };
}

/** The WAL size at which wal_autocheckpoint restarts it when nothing pins it (4 KiB pages and frame headers). */
const autoCheckpointBytes = autoCheckpointPages * 4120;

/** In WAL, a session that held a read transaction while the WAL grew past the auto-checkpoint size. */
function starvedCheckpoint(
  config: ProbeConfig,
  walBytes: readonly WalSample[],
  family: 'rollback' | 'wal',
): Finding | undefined {
  if (family !== 'wal' || walBytes.length < 2) {
    return undefined;
  }
  const largest = walBytes.reduce((most, sample) => (sample.bytes > most.bytes ? sample : most));
  const readers = config.sessions.filter(
    (plan) =>
      plan.steps.some((step) => step.op === 'read') &&
      plan.steps.some((step) => step.op === 'hold') &&
      !plan.steps.some((step) => step.op === 'write'),
  );
  if (readers.length === 0 || largest.bytes <= autoCheckpointBytes * 1.2) {
    return undefined;
  }
  const half = walBytes.find((sample) => sample.bytes >= largest.bytes / 2);
  const growth = half
    ? ` (${formatBytes(half.bytes)} at ${formatMs(half.atMs)}, ${formatBytes(largest.bytes)} at ${formatMs(largest.atMs)})`
    : '';
  return {
    explanation: `${readers.map((plan) => plan.name).join(', ')} held a read transaction (a WAL snapshot) while the others committed: no checkpoint can copy frames past the oldest reader's snapshot or restart the WAL while it is read, so the -wal file grew to ${formatBytes(largest.bytes)}${growth}, where wal_autocheckpoint (${autoCheckpointPages} pages) would have restarted it at about ${formatBytes(autoCheckpointBytes)}.`,
    fixes: ['bound-reads'],
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function names(items: { session: SessionResult }[]): string {
  const unique = [...new Set(items.map(({ session }) => session.name))];
  return unique.length > 3
    ? `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`
    : unique.join(', ');
}
