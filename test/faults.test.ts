// Issue 12's fault table: SIGKILL at every step, each kill timed by a condition that marks the step (a
// probe event, a file appearing, a lock byte held as /proc/locks shows it), never by a sleep. After
// each: python3 finds the database intact (integrity_check) with the same rows (a checksum of every
// user row), the journal mode old or new, no probe table, no scratch file in the temp folder nor beside
// the database, no process of ours still running, and the next command works. docs/safety.md lists
// these cases; the counts go to the safety tally.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { callEngine } from '../src/engine/process/callEngine';
import { startRecorder } from '../src/engine/process/startRecorder';
import type { TimelineEvent } from '../src/engine/probe/probeTypes';
import { startCli } from './support/cliProcess';
import { crashAfter } from './support/crashedWriter';
import {
  databaseState,
  type DatabaseState,
  pollUntil,
  spinUntil,
  processesMatching,
  untilGone,
  writeLockHolders,
} from './support/faultChecks';
import { holdLockWithPython, type LockHolder } from './support/lockHolder';
import { pendingByte, posixLockHolders, reservedByte } from './support/posixLockOn';
import { recordSafetyCases } from './support/safetyTally';
import { runCli } from './support/runCli';
import {
  listFolder,
  makeItemsDatabase,
  makeTempFolder,
  sha256,
  type TempFolder,
} from './support/tempDatabase';

const linuxOnly = process.platform !== 'linux' && 'needs /proc/locks';
const sharedLockByte = pendingByte + 2;
/** WAL-index lock bytes in the -shm file (os_unix.c: WAL_CKPT_LOCK is 1, from byte 120). */
const checkpointLockByte = 121;

let folder: TempFolder;
let scratchRoot: TempFolder;
const originalTmpdir = process.env.TMPDIR;
const tally = { tried: 0, dataLost: 0, leaked: 0 };
/** Every python3 lock holder started here, released at the end even when a case failed. */
const holders: LockHolder[] = [];

async function hold(file: string, statements: string[]): Promise<LockHolder> {
  const holder = await holdLockWithPython(file, statements);
  holders.push(holder);
  return holder;
}

before(() => {
  folder = makeTempFolder('lock-doctor-faults-');
  // Scratch copies go under os.tmpdir() (in the engine children too): a folder of our own to watch.
  scratchRoot = makeTempFolder('lock-doctor-faults-tmp-');
  process.env.TMPDIR = scratchRoot.path;
});
after(async () => {
  await Promise.all(holders.map((holder) => holder.release()));
  process.env.TMPDIR = originalTmpdir;
  folder.remove();
  scratchRoot.remove();
  recordSafetyCases({ family: 'faults', suite: 'SIGKILL at every step (test/faults.test.ts)', ...tally });
});

/** Each fixture in a folder of its own: what is left beside it is its own. */
function fixtureFolder(): string {
  return mkdtempSync(join(folder.path, 'fixture-'));
}

/** The engine children this process started, running now. */
function ourEngineChildren(): number[] {
  return processesMatching('engine-process.js')
    .filter((found) => found.ppid === process.pid)
    .map((found) => found.pid);
}

async function newEngineChild(known: number[]): Promise<number> {
  let pid: number | undefined;
  await pollUntil(() => {
    pid = ourEngineChildren().find((candidate) => !known.includes(candidate));
    return pid !== undefined;
  }, 'an engine child started');
  return pid as number;
}

function kill(pid: number): void {
  // Throws (ESRCH) if the process was already gone: then the kill came too late and the case is void.
  process.kill(pid, 'SIGKILL');
}

interface Before {
  file: string;
  state: DatabaseState;
  listing: string[];
  /** For operations that must not write the file at all (a probe on a copy). */
  bytes?: string;
}

/** The files beside the database but its own -wal, -shm and -journal, which SQLite makes and removes
 * (a hot journal is rolled back by the check's python3; its integrity is checked). */
function besides(file: string): string[] {
  const own = new Set(['-wal', '-shm', '-journal'].map((suffix) => basename(file) + suffix));
  return listFolder(dirname(file)).filter((name) => !own.has(name));
}

function snapshot(file: string, unwritten = false): Before {
  const state = databaseState(file);
  return { file, state, listing: besides(file), ...(unwritten ? { bytes: sha256(file) } : {}) };
}

/** The checks every case ends with; counts into the tally, then fails the case on any problem. */
async function checkAfterFault(
  was: Before,
  pids: Iterable<number>,
  options: { journalModes?: string[]; nextCommand?: () => Promise<unknown> } = {},
): Promise<void> {
  tally.tried++;
  const leaks: string[] = [];
  const stillRunning = await untilGone([...pids, ...ourEngineChildren()]);
  if (stillRunning.length > 0) {
    leaks.push(`still running: ${stillRunning.join(', ')}`);
  }
  const losses: string[] = [];
  if (was.bytes !== undefined && sha256(was.file) !== was.bytes) {
    losses.push('the file changed although only a copy was to be written');
  }
  const now = databaseState(was.file);
  if (now.integrity !== 'ok') {
    losses.push(`integrity_check: ${now.integrity}`);
  }
  if (now.contentSha256 !== was.state.contentSha256) {
    losses.push('the rows changed');
  }
  if ((options.journalModes ?? [was.state.journalMode]).indexOf(now.journalMode) < 0) {
    losses.push(`journal mode ${now.journalMode}`);
  }
  if (now.tables.join() !== was.state.tables.join()) {
    leaks.push(`tables now ${now.tables.join(', ')}`);
  }
  const scratch = readdirSync(scratchRoot.path);
  if (scratch.length > 0) {
    leaks.push(`left in the temp folder: ${scratch.join(', ')}`);
  }
  const listing = besides(was.file);
  if (listing.join() !== was.listing.join()) {
    leaks.push(`beside the database: ${listing.join(', ')}`);
  }
  tally.dataLost += losses.length > 0 ? 1 : 0;
  tally.leaked += leaks.length > 0 ? 1 : 0;
  assert.deepEqual([...losses, ...leaks], []);
  // The next command works on the file as the fault left it.
  await (options.nextCommand ?? (() => callEngine({ type: 'inspect', file: was.file })))();
}

type Step = 'begin' | 'read' | 'write' | 'hold' | 'commit';
type Model = 'processes' | 'threads' | 'blocking';

/** Which session of which preset shows the step, the event that marks it, and what else marks it. */
const steps: Record<
  Step,
  { preset: 'seed' | 'reader'; session: string; marks: (event: TimelineEvent) => boolean }
> = {
  begin: { preset: 'reader', session: 'reader', marks: (e) => e.kind === 'begin' },
  read: { preset: 'reader', session: 'reader', marks: (e) => e.kind === 'returned' && e.op === 'read' },
  write: { preset: 'seed', session: 'B', marks: (e) => e.kind === 'sent' && e.op === 'write' },
  hold: { preset: 'seed', session: 'B', marks: (e) => e.kind === 'returned' && e.op === 'write' },
  // Marked by the write before it: a reader then takes its SHARED lock, so COMMIT will have to wait.
  commit: { preset: 'seed', session: 'B', marks: (e) => e.kind === 'returned' && e.op === 'write' },
};

/** The lock that shows the victim is in the step (rollback mode), on the file the sessions write. */
const lockOfStep: Partial<Record<Step, number>> = {
  read: sharedLockByte,
  hold: reservedByte,
  // A reader's SHARED lock makes COMMIT wait for EXCLUSIVE, holding PENDING: killed while committing.
  commit: pendingByte,
};

describe('SIGKILL of a probe session at each step of its schedule', { skip: linuxOnly }, () => {
  // processes: the session's own process; threads and blocking: the engine child the sessions run in.
  const groups: { model: Model; inPlace: boolean }[] = [
    { model: 'processes', inPlace: true },
    { model: 'threads', inPlace: true },
    { model: 'blocking', inPlace: false },
  ];
  for (const group of groups) {
    describe(`${group.model}, ${group.inPlace ? 'in place' : 'on a copy'}`, () => {
      let file: string;
      before(() => {
        file = makeItemsDatabase(fixtureFolder(), 'delete', `steps-${group.model}.db`);
      });
      for (const step of Object.keys(steps) as Step[]) {
        test(`killed at ${step}`, async () => {
          const plan = steps[step];
          const was = snapshot(file, !group.inPlace);
          const pids = new Set<number>();
          let victim: number | undefined;
          let reader: LockHolder | undefined;
          let killed: Promise<void> | undefined;
          const triggered = (target: string) => async () => {
            const lock = lockOfStep[step];
            if (lock !== undefined) {
              await pollUntil(
                () => posixLockHolders(target, lock).includes(victim as number),
                `session ${plan.session} holding byte ${lock}`,
              );
            }
            kill(victim as number);
            await reader?.release();
          };
          let target = file;
          const outcome = await callEngine(
            {
              type: 'probe',
              options: {
                database: file,
                preset: plan.preset,
                model: group.model,
                journal: 'keep',
                busyTimeoutMs: 2000,
                inPlace: group.inPlace,
              },
            },
            {
              onPrepared: (prepared) => {
                target = prepared;
              },
              onProgress: (session, event) => {
                if (event.kind === 'start' && event.pid !== undefined) {
                  pids.add(event.pid);
                  if (session === plan.session) {
                    victim = event.pid;
                  }
                }
                if (session === plan.session && killed === undefined && plan.marks(event)) {
                  killed = (
                    step === 'commit'
                      ? hold(target, ['BEGIN', 'SELECT count(*) FROM items']).then((holder) => {
                          reader = holder;
                        })
                      : Promise.resolve()
                  ).then(triggered(target));
                }
              },
            },
          ).then(
            (result) => result,
            (error: Error) => error,
          );
          // The kill happened, not too late (kill() throws if the victim was gone).
          await killed;
          assert.ok(killed !== undefined, 'the step was reached');
          if (outcome instanceof Error) {
            assert.match(outcome.message, /ended early \(SIGKILL\)/);
          } else {
            const lost = outcome.sessions.find((session) => session.name === plan.session);
            assert.equal(lost?.error?.code, 'SIGKILL');
          }
          await checkAfterFault(was, pids);
        });
      }
      test('the next probe works', async () => {
        const was = snapshot(file, !group.inPlace);
        await callEngine({
          type: 'probe',
          options: {
            database: file,
            preset: 'seed',
            model: group.model,
            journal: 'keep',
            busyTimeoutMs: 1000,
            inPlace: group.inPlace,
          },
        });
        assert.deepEqual(databaseState(file), was.state);
      });
    });
  }
});

/** A database with ~24 MB of rows: big enough that copying or checkpointing it takes a while. */
function makeBigDatabase(name: string, journal: 'delete' | 'wal'): string {
  const file = makeItemsDatabase(fixtureFolder(), journal, name);
  crashAfter(file, [
    'CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)',
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO blobs (data) SELECT randomblob(8192) FROM n',
  ]);
  // python3 died with the connection open: a later client cleans up, as after any crash.
  databaseState(file);
  return file;
}

describe('SIGKILL of the engine child', { skip: linuxOnly }, () => {
  test('during the scratch copy (the copy file is being written)', async () => {
    const file = makeBigDatabase('copied.db', 'delete');
    const was = snapshot(file, true);
    const known = ourEngineChildren();
    const probe = callEngine({
      type: 'probe',
      options: {
        database: file,
        preset: 'seed',
        model: 'threads',
        journal: 'keep',
        busyTimeoutMs: 1000,
        inPlace: false,
      },
    }).then(
      () => assert.fail('the probe should have ended with its process'),
      (error: Error) => error,
    );
    const child = await newEngineChild(known);
    await pollUntil(
      () =>
        readdirSync(scratchRoot.path).some((scratch) =>
          existsSync(join(scratchRoot.path, scratch, basename(file))),
        ),
      'the scratch copy appearing',
    );
    kill(child);
    assert.match((await probe).message, /ended early \(SIGKILL\)/);
    await checkAfterFault(was, [child], {
      nextCommand: () =>
        callEngine({
          type: 'probe',
          options: {
            database: file,
            preset: 'seed',
            model: 'threads',
            journal: 'keep',
            busyTimeoutMs: 1000,
            inPlace: false,
          },
        }),
    });
  });

  test('during a journal switch to WAL (its write waiting for a reader, RESERVED held, page 1 journaled)', async () => {
    const file = makeItemsDatabase(fixtureFolder(), 'delete', 'to-wal.db');
    const was = snapshot(file);
    const reader = await hold(file, ['BEGIN', 'SELECT count(*) FROM items']);
    const known = ourEngineChildren();
    const switching = callEngine({
      type: 'switchJournal',
      file,
      target: 'wal',
      options: { busyTimeoutMs: 30_000 },
    }).then(
      () => assert.fail('the switch should have ended with its process'),
      (error: Error) => error,
    );
    const child = await newEngineChild(known);
    await pollUntil(
      () => writeLockHolders(file, reservedByte).includes(child),
      'the switch holding RESERVED',
    );
    kill(child);
    assert.match((await switching).message, /ended early \(SIGKILL\)/);
    await reader.release();
    await checkAfterFault(was, [child], {
      journalModes: ['delete', 'wal'],
      nextCommand: () => callEngine({ type: 'switchJournal', file, target: 'wal', options: {} }),
    });
    assert.equal(databaseState(file).journalMode, 'wal');
  });

  test('during a journal switch back to rollback (checkpointing a 24 MB WAL under EXCLUSIVE)', async () => {
    const file = makeItemsDatabase(fixtureFolder(), 'wal', 'to-delete.db');
    crashAfter(file, [
      'PRAGMA wal_autocheckpoint = 0',
      'CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)',
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO blobs (data) SELECT randomblob(8192) FROM n',
    ]);
    // The rows as a reader sees them, read on a copy: a last connection closing here would checkpoint.
    const copy = join(fixtureFolder(), 'copy.db');
    copyFileSync(file, copy);
    copyFileSync(`${file}-wal`, `${copy}-wal`);
    const was = { ...snapshot(file), state: databaseState(copy) };
    const known = ourEngineChildren();
    const switching = callEngine({ type: 'switchJournal', file, target: 'delete', options: {} }).then(
      (result) => result,
      (error: Error) => error,
    );
    const child = await newEngineChild(known);
    // The checkpoint under EXCLUSIVE lasts tens of milliseconds on a quiet machine: watch without yielding.
    spinUntil(() => writeLockHolders(file, sharedLockByte).includes(child), 'the switch holding EXCLUSIVE');
    kill(child);
    assert.match(String(((await switching) as Error).message), /ended early \(SIGKILL\)/);
    await checkAfterFault(was, [child], {
      journalModes: ['wal', 'delete'],
      nextCommand: () => callEngine({ type: 'switchJournal', file, target: 'delete', options: {} }),
    });
    assert.equal(databaseState(file).journalMode, 'delete');
  });

  test('during a checkpoint (waiting for a reader of an older snapshot, holding the checkpoint lock)', async () => {
    const file = makeItemsDatabase(fixtureFolder(), 'wal', 'checkpointed.db');
    const more = (from: number) => [
      'PRAGMA wal_autocheckpoint = 0',
      `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${from + 999}) INSERT INTO items (name) SELECT 'row ' || i FROM n`,
    ];
    // Frames in the WAL that no checkpoint copied (the writer died before closing), a reader on them,
    // then newer frames that the reader's snapshot does not see.
    crashAfter(file, more(100));
    const reader = await hold(file, ['BEGIN', 'SELECT count(*) FROM items']);
    crashAfter(file, more(2000));
    const was = snapshot(file);
    const known = ourEngineChildren();
    const checkpoint = callEngine({ type: 'checkpoint', file, mode: 'FULL', busyTimeoutMs: 30_000 }).then(
      () => assert.fail('the checkpoint should have ended with its process'),
      (error: Error) => error,
    );
    const child = await newEngineChild(known);
    await pollUntil(
      () => posixLockHolders(`${file}-shm`, checkpointLockByte).includes(child),
      'the checkpoint holding its lock',
    );
    kill(child);
    assert.match((await checkpoint).message, /ended early \(SIGKILL\)/);
    await reader.release();
    await checkAfterFault(was, [child], {
      nextCommand: async () => {
        const done = await callEngine({ type: 'checkpoint', file, mode: 'PASSIVE' });
        assert.equal(done.complete, true);
      },
    });
  });
});

/** A --run app: opens the database, writes inside a transaction it never commits, says so, waits. */
const appScript = `
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO items (name) VALUES ('never committed')")
print("app", os.getpid(), "holding", flush=True)
time.sleep(120)
`;

function appCommand(file: string): string {
  return `python3 -c '${appScript.replace(/'/g, `'"'"'`)}' ${file}`;
}

/** The app's pid, from its line "app PID holding". */
function appPid(output: string): number {
  return Number(/app (\d+) holding/.exec(output)?.[1]);
}

function guards(): number[] {
  return processesMatching('sqlite-lock-doctor-guard').map((found) => found.pid);
}

describe('SIGKILL of the recorder and of the app it runs (record --run)', { skip: linuxOnly }, () => {
  let file: string;
  before(() => {
    file = makeItemsDatabase(fixtureFolder(), 'delete', 'recorded.db');
  });

  test('the command line recorder (record --run), killed while the app holds its write lock', async (t) => {
    const was = snapshot(file);
    const cli = startCli(t, ['record', file, '--interval', '5', '--run', appCommand(file)]);
    await cli.untilStderr(/app \d+ holding[\s\S]*Recording locks|Recording locks[\s\S]*app \d+ holding/);
    const app = appPid(cli.stderr());
    await pollUntil(() => posixLockHolders(file, reservedByte).includes(app), 'the app holding RESERVED');
    kill(cli.child.pid as number);
    await cli.closed;
    // The app leads a process group of its own: only the recorder's guard can end it now.
    await checkAfterFault(was, [app, ...guards()], {
      nextCommand: async () => {
        const next = await runCli(['record', file, '--for', '200ms']);
        assert.equal(next.code, 0, next.stderr);
      },
    });
  });

  test("the extension's recorder process (dist/recorder.js), killed while the app holds its write lock", async () => {
    const was = snapshot(file);
    let output = '';
    const recorder = startRecorder(file, {
      intervalMs: 5,
      run: { command: appCommand(file) },
      onAppOutput: (text) => (output += text),
    });
    await recorder.started;
    await pollUntil(() => /app \d+ holding/.test(output), 'the app holding its lock');
    const app = appPid(output);
    await pollUntil(() => posixLockHolders(file, reservedByte).includes(app), 'the app holding RESERVED');
    kill(recorder.pid as number);
    await assert.rejects(recorder.recording, /ended early \(SIGKILL\)/);
    await checkAfterFault(was, [recorder.pid as number, app, ...guards()]);
  });

  test('the app (--run) killed: the recording ends, is printed, exit 0', async (t) => {
    const was = snapshot(file);
    const cli = startCli(t, ['record', file, '--interval', '5', '--json', '--run', appCommand(file)]);
    await cli.untilStderr(/app \d+ holding/);
    const app = appPid(cli.stderr());
    await pollUntil(() => posixLockHolders(file, reservedByte).includes(app), 'the app holding RESERVED');
    kill(app);
    assert.equal(await cli.closed, 0, cli.stderr());
    const recording = JSON.parse(cli.stdout()) as { app?: { source?: { signal?: string } } };
    assert.equal(recording.app?.source?.signal, 'SIGKILL');
    await checkAfterFault(was, [app, cli.child.pid as number, ...guards()]);
  });
});
