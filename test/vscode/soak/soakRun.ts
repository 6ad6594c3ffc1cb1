// The soak (issue 12, item 6): for a given time, rounds of the extension's operations against one
// database while python3 clients come and go and some are killed mid-transaction. Each round: a
// recording starts, two probes run (presets, models, some in place), the lock holders are read, a
// journal switch is tried under load and (in WAL) a checkpoint, a writer is SIGKILLed inside a
// transaction, the recording stops; then the clients leave and, in the quiet, the journal mode is
// switched (it must succeed) and a reading must find no holder. The first round runs whole; later
// ones skip what remains of their operations under load once the time is up. Afterwards the rows the clients
// committed are counted by an independent client, and the host's descriptors, processes and memory
// are compared with where they started. Used by test/vscode/soak.test.ts (1 minute) and by the
// benchmark's full mode (bench/hostSoak.ts, 10 minutes).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sqliteShell } from '../../support/sqliteShell';
import { lockDoctorApi } from '../extensionUnderTest';
import { workspaceFolder } from '../workspaceDatabase';
import { ClientCrowd, rowsPerTransaction } from './clientCrowd';
import { extraEntries, type HostFootprint, readHostFootprint } from './hostFootprint';
import * as operations from './soakOperations';
import { checkRows, type RowCheck, soakSchema } from './soakRows';
import type { ClientLedger } from './soakClients';
import { processesWithFileOpen } from '../../support/processesWithFileOpen';

export interface FootprintFigures {
  fds: number;
  processes: number;
  heapAfterGcMb: number | undefined;
  rssMb: number;
}

export interface SoakFigures {
  durationS: number;
  rounds: number;
  operations: {
    probes: number;
    probesInPlace: number;
    /**
     * Refused with a sentence naming the lock: the writers kept taking the lock its preparation waited
     * for (SQLite's busy handler is not a queue), past its busy timeout. Expected now and then.
     */
    probesRefused: number;
    switches: number;
    /** Tried under load and refused with a sentence (another connection held the file): expected. */
    switchesRefused: number;
    checkpoints: number;
    recordings: number;
    recordedLanes: number;
    lockReadings: number;
  };
  clients: {
    started: number;
    killed: number;
    /** Killed with a transaction open whose rows were then rolled back. */
    killedMidTransaction: number;
    transactionsBusy: number;
    reads: number;
  };
  rows: RowCheck;
  /** Sentences: an operation that failed where it should not, a client fault, the host holding a lock. */
  problems: string[];
  /** Probe tables in the database and scratch copies in the temp folder left behind. */
  leftovers: string[];
  footprint: { cold: FootprintFigures; warm: FootprintFigures; end: FootprintFigures };
  /** Heap after gc at the end of each round, MB: a leak climbs round after round, noise does not. */
  heapByRoundMb: number[];
  /** The host's processes at the start (command lines): what "back to the start" means here. */
  processesAtStart: string[];
  /** What the host holds at the end beyond its cold start (descriptor targets, process command lines). */
  leaked: { fds: string[]; processes: string[]; openFile: number[] };
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

function figuresOf(footprint: HostFootprint): FootprintFigures {
  return {
    fds: footprint.fds.length,
    processes: footprint.descendants.length,
    heapAfterGcMb:
      footprint.heapAfterGcBytes === undefined ? undefined : megabytes(footprint.heapAfterGcBytes),
    rssMb: megabytes(footprint.rssBytes),
  };
}

/** A sentence saying another connection's lock was in the way (what a probe under load may say). */
const refusedForALock = (sentence: string) => /another connection (holds|held) a lock/.test(sentence);

/** "pipe:[123]" -> "pipe:[…]"; paths stay as they are. */
const kindOf = (target: string) => target.replace(/\[\d+\]$/, '[…]');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The footprint once it holds still: descriptor and process counts unchanged over three readings
 * 200 ms apart (an engine child that answered may take a moment to exit), or the last after `timeoutMs`.
 */
async function settledFootprint(
  accept: (footprint: HostFootprint) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<HostFootprint> {
  const deadline = Date.now() + timeoutMs;
  const key = (footprint: HostFootprint) => `${footprint.fds.length}/${footprint.descendants.length}`;
  let readings = [readHostFootprint()];
  while (Date.now() < deadline) {
    await pause(200);
    readings = [...readings, readHostFootprint()].slice(-3);
    if (
      readings.length === 3 &&
      readings.every((reading) => key(reading) === key(readings[0])) &&
      accept(readings[2])
    ) {
      break;
    }
  }
  return readings[readings.length - 1];
}

export async function runSoak(options: {
  durationMs: number;
  log?: (line: string) => void;
}): Promise<SoakFigures> {
  const log = options.log ?? (() => undefined);
  const lockDoctor = await lockDoctorApi();
  const database = join(workspaceFolder(), 'soak.db');
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(database + suffix, { force: true });
  }
  sqliteShell(database, soakSchema);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const cold = await settledFootprint();
  const started = Date.now();
  const counts: SoakFigures['operations'] = {
    probes: 0,
    probesInPlace: 0,
    probesRefused: 0,
    switches: 0,
    switchesRefused: 0,
    checkpoints: 0,
    recordings: 0,
    recordedLanes: 0,
    lockReadings: 0,
  };
  const problems: string[] = [];
  const ledgers: ClientLedger[] = [];
  let kills = 0;
  let clientIds = 0;
  const heapByRoundMb: number[] = [];
  let probeIndex = 0;
  let warm: HostFootprint | undefined;
  const expect = (outcome: operations.Outcome) => {
    if (outcome.ok) {
      log(`  ${outcome.detail}`);
    } else {
      problems.push(outcome.sentence);
      log(`  PROBLEM ${outcome.sentence}`);
    }
    return outcome.ok;
  };
  const readLocks = async (crowd?: ClientCrowd) => {
    const holders = await operations.readLocks(lockDoctor);
    counts.lockReadings += 1;
    const own = holders.filter((pid) => pid === process.pid);
    if (own.length > 0) {
      problems.push('the extension host itself held a lock on the database');
    }
    if (crowd === undefined && holders.length > 0) {
      problems.push(`with every client gone, PIDs ${holders.join(', ')} still held locks`);
    }
  };

  let round = 0;
  for (; round === 0 || Date.now() - started < options.durationMs; round++) {
    log(
      `round ${round} (${Math.round((Date.now() - started) / 1000)} s), ${lockDoctor.state().database?.report?.journalMode}`,
    );
    const crowd = new ClientCrowd(database, Math.random, () => ++clientIds);
    crowd.start();
    if (expect(await operations.startRecording(lockDoctor))) {
      counts.recordings += 1;
    }
    // After the first round (which runs whole: it is the memory baseline), the operations under load
    // stop at the deadline, so a loaded machine lengthens the soak by one operation, not one round.
    const inTime = () => round === 0 || Date.now() - started < options.durationMs;
    for (let probe = 0; probe < 2 && inTime(); probe++) {
      const choice = operations.probeRotation[probeIndex++ % operations.probeRotation.length];
      const probed = await operations.runProbe(lockDoctor, choice);
      if (!probed.ok && refusedForALock(probed.sentence)) {
        counts.probesRefused += 1;
        log(`  under load, refused: ${probed.sentence}`);
      } else {
        expect(probed);
      }
      counts.probes += 1;
      counts.probesInPlace += choice.inPlace ? 1 : 0;
      await readLocks(crowd);
    }
    if (inTime()) {
      const underLoad = await operations.switchJournal(lockDoctor);
      if (underLoad.ok) {
        counts.switches += 1;
        log(`  under load: ${underLoad.detail}`);
      } else {
        counts.switchesRefused += 1;
        log(`  under load, refused: ${underLoad.sentence}`);
      }
    }
    // After the switch: a round that began in DELETE is mostly in WAL by now, with clients writing.
    if (inTime() && lockDoctor.state().database?.report?.journalMode === 'wal') {
      if (expect(await operations.checkpoint(lockDoctor))) {
        counts.checkpoints += 1;
      }
    }
    if (await crowd.killOneMidTransaction()) {
      kills += 1;
    }
    await readLocks(crowd);
    const stopped = await operations.stopRecording(lockDoctor);
    if (expect(stopped.outcome)) {
      counts.recordedLanes += stopped.lanes;
    }
    await crowd.stop();
    ledgers.push(...crowd.ledgers);
    // Quiet: nobody has the file open, so the switch must go through and nobody may hold a lock.
    if (expect(await operations.switchJournal(lockDoctor))) {
      counts.switches += 1;
    }
    await readLocks();
    const heap = readHostFootprint().heapAfterGcBytes;
    if (heap !== undefined) {
      heapByRoundMb.push(megabytes(heap));
    }
    if (round === 0) {
      // One round has loaded what loads once (the panel, lazily required modules): memory is compared from here.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      warm = await settledFootprint();
    }
  }
  const durationS = (Date.now() - started) / 1000;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace
    .getConfiguration('sqliteLockDoctor')
    .update('probe.inPlace', undefined, vscode.ConfigurationTarget.Global);
  const end = await settledFootprint(
    (footprint) =>
      footprint.fds.length <= cold.fds.length && footprint.descendants.length <= cold.descendants.length,
  );

  for (const ledger of ledgers) {
    problems.push(...ledger.faults);
  }
  const rows = checkRows(database, ledgers, rowsPerTransaction);
  problems.push(...rows.problems);
  const leftovers = [
    ...sqliteShell(
      database,
      "SELECT name FROM sqlite_master WHERE name LIKE '\\_lock\\_doctor%' ESCAPE '\\';",
    )
      .split('\n')
      .filter(Boolean)
      .map((name) => `table ${name} in soak.db`),
    ...readdirSync(tmpdir())
      .filter((name) => name.startsWith('sqlite-lock-doctor-'))
      .map((name) => join(tmpdir(), name, 'soak.db'))
      .filter((copy) => existsSync(copy)),
  ];
  const figures: SoakFigures = {
    durationS,
    rounds: round,
    operations: counts,
    clients: {
      started: ledgers.length,
      killed: kills,
      killedMidTransaction: rows.killedOpenRolledBack,
      transactionsBusy: ledgers.reduce((sum, ledger) => sum + ledger.busy, 0),
      reads: ledgers.reduce((sum, ledger) => sum + ledger.reads.length, 0),
    },
    rows,
    problems,
    leftovers,
    footprint: { cold: figuresOf(cold), warm: figuresOf(warm ?? cold), end: figuresOf(end) },
    heapByRoundMb,
    processesAtStart: cold.descendants.map((entry) => entry.commandLine),
    leaked: {
      // Pipes and sockets by kind: a watcher that restarted has new inode numbers, not more descriptors.
      fds: extraEntries(cold.fds.map(kindOf), end.fds.map(kindOf)),
      processes: extraEntries(
        cold.descendants.map((entry) => entry.commandLine),
        end.descendants.map((entry) => entry.commandLine),
      ),
      openFile: processesWithFileOpen(database, { prefix: true }),
    },
  };
  log(JSON.stringify({ ...figures, rows: { ...rows, problems: rows.problems.length } }));
  return figures;
}
