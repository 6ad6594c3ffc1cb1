// The cost of a lock reading with 40 real clients (python3 processes, WAL mode, 10 of them inside a
// read transaction): the old way, a Node process started per reading (here `cli.js locks --json`, the
// same start-up, bundle and reading the extension's per-reading engine call had), against the long-lived
// lock watcher process and the reading loop in-process (`locks --watch`); and what the live doctor adds
// (process states, SQLite scans once per library).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { ProcessLibraries, describeProcesses } from '../src/engine/holders/describeProcesses';
import { ProcessStateReader } from '../src/engine/holders/processState';
import { SqliteBuildCatalog } from '../src/engine/holders/sqliteBuild/sqliteBuildCatalog';
import { join } from 'node:path';
import { LockReader } from '../src/engine/locks/lockReader';
import { processesWithFileOpen } from '../src/engine/locks/openDescriptors';
import type { FromLockWatcher } from '../src/engine/process/lockWatcherProtocol';
import { startLockWatcher } from '../src/engine/process/startLockWatcher';
import { openDatabase } from '../src/engine/sqliteModule';

const clientScript = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=5, isolation_level=None)
if sys.argv[2] == "read":
    db.execute("BEGIN")
db.execute("SELECT count(*) FROM items").fetchall()
print("ready", flush=True)
sys.stdin.readline()
`;

function startClient(file: string, mode: 'read' | 'idle'): Promise<ChildProcess> {
  const child = spawn('python3', ['-c', clientScript, file, mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`a python3 client exited (${code}) before it was ready`)));
  });
}

/** CPU time of this process's waited-for children (utime + stime of the ones that ended), in ms. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17, in clock ticks (100 Hz).
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** This process's children that are not the python3 clients. */
function nodeChildren(): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [comm, rest] = [
        stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        stat.slice(stat.lastIndexOf(')') + 2),
      ];
      if (Number(rest.split(' ')[1]) === process.pid && !comm.startsWith('python')) {
        found.push(Number(name));
      }
    } catch {
      // Ended meanwhile.
    }
  }
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function noopTickCpuMs(): Promise<number> {
  return new Promise((resolve) => {
    let ticks = 0;
    const before = process.cpuUsage();
    const timer = setInterval(() => {
      if (++ticks === 100) {
        clearInterval(timer);
        const used = process.cpuUsage(before);
        resolve((used.user + used.system) / 1000 / ticks);
      }
    }, 20);
  });
}

function spacedReadingCpuMs(
  reader: LockReader,
  readings: number,
  intervalMs: number,
): Promise<{ total: number; inReading: number }> {
  return new Promise((resolve) => {
    let done = 0;
    let inReading = 0;
    const before = process.cpuUsage();
    const timer = setInterval(() => {
      const readingBefore = process.cpuUsage();
      reader.read();
      const reading = process.cpuUsage(readingBefore);
      inReading += (reading.user + reading.system) / 1000;
      if (++done === readings) {
        clearInterval(timer);
        const used = process.cpuUsage(before);
        resolve({ total: (used.user + used.system) / 1000 / readings, inReading: inReading / readings });
      }
    }, intervalMs);
  });
}

function runOnce(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('close', () => resolve());
  });
}

export async function benchLockReadings(folder: string): Promise<[string, string][]> {
  const file = join(folder, 'locks.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES (1), (2)');
  db.pragma('journal_mode = WAL');
  db.close();
  const clients: ChildProcess[] = [];
  const rows: [string, string][] = [];
  try {
    for (let index = 0; index < 40; index++) {
      clients.push(await startClient(file, index < 10 ? 'read' : 'idle'));
    }
    const lockLines = readFileSync('/proc/locks', 'utf8').trim().split('\n').length;
    const processes = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
    rows.push([
      'lock readings: setting',
      `40 python3 clients (10 reading), ${lockLines} lines in /proc/locks, ${processes} processes`,
    ]);

    // The old way: a Node process per reading.
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    const oldRuns = 20;
    const cpuBefore = childrenCpuMs();
    const walls: number[] = [];
    for (let run = 0; run < oldRuns; run++) {
      const started = performance.now();
      await runOnce(cli, ['locks', file, '--json']);
      walls.push(performance.now() - started);
    }
    const oldCpu = (childrenCpuMs() - cpuBefore) / oldRuns;
    rows.push([
      'old: a Node process per reading',
      `${median(walls).toFixed(0)} ms wall (median of ${oldRuns}), ${oldCpu.toFixed(1)} ms CPU per reading; 1 Node process started per reading`,
    ]);

    // The watcher: one process, readings every 100 ms.
    const childrenBefore = new Set(nodeChildren());
    const seenChildren = new Set<number>();
    const messages: FromLockWatcher[] = [];
    const readings = 100;
    await new Promise<void>((resolve, reject) => {
      const watcher = startLockWatcher(
        (message) => {
          messages.push(message);
          // Every 10th reading: listing /proc on every one would compete with what is measured.
          if (messages.length % 10 === 1) {
            nodeChildren()
              .filter((pid) => !childrenBefore.has(pid))
              .forEach((pid) => seenChildren.add(pid));
          }
          if (message.type === 'failed') {
            reject(new Error(message.message));
          }
          if (messages.length === readings) {
            watcher.stop();
            resolve();
          }
        },
        () => undefined,
      );
      watcher.send({ type: 'watch', file, intervalMs: 100 });
    });
    // From the first reading on: the process's start-up is paid once, not per reading.
    const perReading = messages.slice(1).map((message, index) => ({
      cpuMs: message.stats.cpuMs - messages[index].stats.cpuMs,
      scanned: message.stats.openFileScans > messages[index].stats.openFileScans,
    }));
    const steady = perReading.filter((reading) => !reading.scanned).map((reading) => reading.cpuMs);
    const mean = perReading.reduce((sum, reading) => sum + reading.cpuMs, 0) / perReading.length;
    const last = messages[messages.length - 1].stats;
    rows.push([
      'watcher: one process, a reading every 100 ms',
      `${mean.toFixed(2)} ms CPU per reading (mean of ${perReading.length}, /proc/*/fd scans included), ` +
        `${median(steady).toFixed(2)} ms without a scan (median); ${last.openFileScans} scans in ${last.readings} readings; ` +
        `${seenChildren.size} Node process seen for ${readings} readings (0 started per reading); start-up ${messages[0].stats.cpuMs.toFixed(0)} ms CPU once`,
    ]);

    // What any timer wake-up of an idle Node process costs on this machine right now (its load shows here).
    rows.push([
      'reference: a no-op Node timer tick',
      `${(await noopTickCpuMs()).toFixed(2)} ms CPU (mean of 100, every 20 ms)`,
    ]);

    // The same loop in-process (locks --watch), and what one /proc/*/fd scan costs.
    const reader = new LockReader(file);
    reader.read();
    const before = process.cpuUsage();
    for (let run = 0; run < 200; run++) {
      reader.read();
    }
    const used = process.cpuUsage(before);
    rows.push([
      'in-process reading (locks --watch), no scan',
      `${((used.user + used.system) / 1000 / 200).toFixed(2)} ms CPU (mean of 200)`,
    ]);
    // The same reading after a sleep, as a timer runs it: what waking up and cold caches add.
    const spaced = await spacedReadingCpuMs(reader, 100, 30);
    rows.push([
      'in-process reading every 30 ms, no scan',
      `${spaced.total.toFixed(2)} ms CPU per tick (mean of 100), ${spaced.inReading.toFixed(2)} ms of it in the reading`,
    ]);
    // The doctor's per-process facts: what describing 40 holders adds to a reading, and the SQLite scans.
    const facts = reader.read();
    const described = (facts.processes ?? []).length;
    const states = new ProcessStateReader();
    const libraries = new ProcessLibraries(new SqliteBuildCatalog('now'));
    const memo = {};
    const describe = () =>
      describeProcesses(facts.holders, facts.journalMode, {
        memo,
        shmOpenPids: [],
        libraries,
        stateOf: (pid, busy) => states.stateOf(pid, busy),
      });
    // The first one scans the SQLite libraries (measured below on their own): a watcher does it once.
    describe();
    const factsBefore = process.cpuUsage();
    for (let run = 0; run < 200; run++) {
      describe();
    }
    const factsUsed = process.cpuUsage(factsBefore);
    states.dispose();
    rows.push([
      'doctor: process facts per reading',
      `${((factsUsed.user + factsUsed.system) / 1000 / 200).toFixed(3)} ms CPU for ${described} processes (mean of 200 readings with the same lock lines, as the watcher sees them; busy holders' states read every 0.5 s, idle ones every 2 s)`,
    ]);
    for (const library of [
      ...new Set(facts.processes.flatMap((entry) => (entry.sqlite ?? []).map((found) => found.file))),
      process.execPath,
    ]) {
      const catalog = new SqliteBuildCatalog('now');
      const scanStarted = process.cpuUsage();
      const entry = catalog.entryFor(library);
      const scanned = process.cpuUsage(scanStarted);
      const againStarted = process.cpuUsage();
      for (let run = 0; run < 100; run++) {
        catalog.entryFor(library);
      }
      const again = process.cpuUsage(againStarted);
      const found =
        entry.lookup.state === 'scanned' ? (entry.lookup.build?.version ?? 'no SQLite') : entry.lookup.state;
      rows.push([
        `doctor: SQLite scan of ${library.split('/').pop()} (${(statSync(library).size / 1e6).toFixed(1)} MB)`,
        `${((scanned.user + scanned.system) / 1000).toFixed(0)} ms CPU once (found ${found}); ${((again.user + again.system) / 1000 / 100).toFixed(3)} ms per later lookup (a stat)`,
      ]);
    }

    const scanBefore = process.cpuUsage();
    for (let run = 0; run < 10; run++) {
      processesWithFileOpen(file);
    }
    const scan = process.cpuUsage(scanBefore);
    rows.push([
      'one /proc/*/fd scan',
      `${((scan.user + scan.system) / 1000 / 10).toFixed(2)} ms CPU (mean of 10)`,
    ]);
  } finally {
    for (const client of clients) {
      client.kill('SIGKILL');
    }
  }
  return rows;
}
