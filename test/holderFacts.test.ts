// The live doctor's reasoning, from a prepared /proc: a holder's state from /proc/PID/stat (a command
// name with ') ' inside), open-file-description locks, the lost-lock signatures, the SQLite build
// found by scanning the bytes of a mapped file (cached by file identity), the known-bug table, how
// long a lock has been held, and the status bar's words for all of it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { formatLockReport } from '../src/engine/locks/formatLockReport';
import { HoldClock, withHeldFor } from '../src/engine/locks/holdClock';
import type { LockHolderEntry, LockReport } from '../src/engine/locks/lockReport';
import { readLockHolders } from '../src/engine/locks/readLockHolders';
import { ProcessStateReader, parseProcessState } from '../src/engine/holders/processState';
import { spawn } from 'node:child_process';
import { knownBugsOf, knownSqliteBugs } from '../src/engine/holders/sqliteBuild/knownSqliteBugs';
import { mappedFiles, sqliteCandidates } from '../src/engine/holders/sqliteBuild/mappedSqliteFiles';
import {
  SqliteBuildCatalog,
  type SqliteBuildLookup,
} from '../src/engine/holders/sqliteBuild/sqliteBuildCatalog';
import { SqliteBuildScanner } from '../src/engine/holders/sqliteBuild/sqliteBuildScan';
import { ProcessLibraries } from '../src/engine/holders/describeProcesses';
import { formatHeldFor, heldForText } from '../src/engine/text/heldForText';
import { lockSummary, lockWarning } from '../src/extension/lockSummary';
import { addProcess, procLockId, writeProcLocks, writeProcMaps, writeProcStat } from './support/fakeProc';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

const sourceId = '2025-05-29 14:26:00 dfc790f998f450d9c35e3ba1c8c89c17466cb559f87b0239e4aab9d34e28f742';

/** Bytes laid out as in a real build: code, then the version and source id and option names as C strings. */
function fakeLibraryBytes(version: string, options: string[], padding = 300_000): Buffer {
  return Buffer.concat([
    Buffer.alloc(padding, 0x90),
    Buffer.from(`\0${version}\0\0\0${sourceId}\0fts5: ${sourceId}\0`, 'latin1'),
    Buffer.alloc(1000, 0x41),
    Buffer.from(`\0${options.join('\0')}\0ENABLE_FTS5\0`, 'latin1'),
    Buffer.alloc(padding, 0x90),
    // Another library's version string far away: not the one near the source id.
    Buffer.from('\x003.0.19\0', 'latin1'),
  ]);
}

describe('process state (/proc/PID/stat)', () => {
  test('the state follows the LAST closing parenthesis: a command name may hold ") " and spaces', () => {
    assert.deepEqual(parseProcessState('4711 (python3) T 1 4711 4711 0 -1'), {
      code: 'T',
      name: 'stopped',
      stuck: true,
    });
    // A program named "evil) T (x" that is in fact sleeping.
    assert.equal(parseProcessState('4712 (evil) T (x) S 1 4712')?.name, 'sleeping');
    assert.equal(parseProcessState('4713 (gdb target) t 1')?.name, 'traced');
    assert.equal(parseProcessState('4714 (defunct) Z 1')?.stuck, true);
    assert.equal(parseProcessState('4715 (worker) R 1')?.stuck, false);
    assert.equal(parseProcessState('garbage'), null);
  });
});

describe('process states across readings', () => {
  test('busy holders are read every 0.5 s, idle ones every 2 s; an ended process reads as null', async () => {
    const child = spawn('sleep', ['30']);
    const pid = child.pid ?? -1;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let now = 0;
    const states = new ProcessStateReader('/proc', 2000, 500, () => now);
    /** Polls the kernel's own view (a signal takes effect asynchronously) until the state is `code`. */
    const kernelState = async (code: string) => {
      const deadline = Date.now() + 10_000;
      while (parseProcessState(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))?.code !== code) {
        assert.ok(Date.now() < deadline, `state ${code} not reached`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      await kernelState('S');
      assert.equal(states.stateOf(pid, false)?.code, 'S');
      process.kill(pid, 'SIGSTOP');
      await kernelState('T');
      assert.equal(states.stateOf(pid, false)?.code, 'S', 'idle: the reading of a moment ago');
      assert.equal(states.stateOf(pid, true)?.code, 'S', 'busy: the reading of a moment ago');
      now = 500;
      assert.equal(states.stateOf(pid, true)?.code, 'T', 'busy, half a second later: read again');
      process.kill(pid, 'SIGCONT');
      await kernelState('S');
      assert.equal(states.stateOf(pid, false)?.code, 'T', 'idle: the reading of a moment ago');
      now = 2500;
      assert.equal(
        states.stateOf(pid, false)?.code,
        'S',
        'idle, two seconds after the last reading: read again',
      );
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    now = 3000;
    assert.equal(states.stateOf(pid, true), null, 'ended and reaped');
    states.dispose();
  });
});

describe('the SQLite build in a file', () => {
  test('source id, the version next to it and the locking options, also across chunk boundaries', () => {
    const bytes = fakeLibraryBytes('3.50.0', [
      'ENABLE_SETLK_TIMEOUT',
      'THREADSAFE=1',
      'DEFAULT_WAL_SYNCHRONOUS=1',
    ]);
    const whole = new SqliteBuildScanner();
    whole.push(bytes, 0);
    const expected = {
      sourceId,
      version: '3.50.0',
      compileOptions: ['ENABLE_SETLK_TIMEOUT', 'THREADSAFE=1', 'DEFAULT_WAL_SYNCHRONOUS=1'],
    };
    assert.deepEqual(whole.result(), expected);
    // Chunks so small that every string is cut somewhere.
    const chunked = new SqliteBuildScanner();
    for (let offset = 0; offset < bytes.length; offset += 7) {
      chunked.push(bytes.subarray(offset, offset + 7), offset);
    }
    assert.deepEqual(chunked.result(), expected);
    const none = new SqliteBuildScanner();
    none.push(Buffer.from('\x003.40.1\0THREADSAFE=1\0'), 0);
    assert.equal(none.result(), null, 'no source id: no SQLite in this file');
  });

  test('candidates from /proc/PID/maps: SQLite-named files, else the program itself', () => {
    const maps = [
      '55d0c0000000-55d0c0001000 r--p 00000000 fe:00 11 /usr/bin/python3.11',
      '7f00000000-7f00001000 r-xp 00000000 fe:00 12 /usr/lib/x86_64-linux-gnu/libc.so.6',
      '7f00001000-7f00002000 r-xp 00000000 fe:00 13 /opt/app/lib dir/_sqlite3.cpython-311-x86_64-linux-gnu.so',
      '7f00002000-7f00003000 r-xp 00000000 fe:00 14 /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6',
      '7f00003000-7f00004000 r-xp 00000000 fe:00 15 /tmp/old/libsqlite3.so.0 (deleted)',
      '7f00004000-7f00005000 rw-p 00000000 00:00 0 [heap]',
    ].join('\n');
    assert.equal(mappedFiles(maps).length, 4);
    assert.deepEqual(sqliteCandidates(maps), [
      '/opt/app/lib dir/_sqlite3.cpython-311-x86_64-linux-gnu.so',
      '/usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6',
    ]);
    assert.deepEqual(sqliteCandidates('55d0c0000000-55d0c0001000 r-xp 00000000 fe:00 9 /srv/worker\n'), [
      '/srv/worker',
    ]);
  });

  test('a file is scanned once per identity, however many processes map it; a changed file again', (t) => {
    const folder = tempFolderFor(t);
    const library = path.join(folder, 'libsqlite3.so.0');
    fs.writeFileSync(library, fakeLibraryBytes('3.46.0', ['THREADSAFE=1']));
    const root = path.join(folder, 'proc');
    writeProcMaps(root, 100, ['/usr/bin/app', library]);
    writeProcMaps(root, 101, ['/usr/bin/other', library]);
    const catalog = new SqliteBuildCatalog('now');
    const libraries = new ProcessLibraries(catalog, root);
    const found = libraries.entriesOf(100);
    libraries.entriesOf(101);
    libraries.entriesOf(100);
    assert.equal(catalog.scans, 1);
    assert.deepEqual(found?.[0].lookup, {
      state: 'scanned',
      build: { sourceId, version: '3.46.0', compileOptions: ['THREADSAFE=1'] },
    });
    fs.writeFileSync(library, fakeLibraryBytes('3.51.3', ['THREADSAFE=2']));
    libraries.keepOnly([]);
    const again = libraries.entriesOf(100);
    assert.equal(catalog.scans, 2, 'new size and time: a new identity');
    assert.equal(again?.[0].lookup.state === 'scanned' && again[0].lookup.build?.version, '3.51.3');
    assert.equal(libraries.entriesOf(999), null, 'no maps: unreadable, not empty');
  });

  test('in the background a reading sees "scanning" until the scan ends', async (t) => {
    const folder = tempFolderFor(t);
    const library = path.join(folder, 'libsqlite3.so.0');
    fs.writeFileSync(library, fakeLibraryBytes('3.45.1', [], 6 << 20));
    const catalog = new SqliteBuildCatalog('background');
    const entry = catalog.entryFor(library);
    assert.equal(entry.lookup.state, 'scanning');
    await catalog.idle();
    const lookup = entry.lookup as SqliteBuildLookup;
    assert.equal(lookup.state === 'scanned' && lookup.build?.version, '3.45.1');
    assert.equal(catalog.entryFor(library), entry);
    assert.equal(catalog.scans, 1);
  });

  test('the known-bug table: the WAL-reset bug from 3.7.0 up to 3.51.3, except the patched lines', () => {
    const affected = (version: string) => knownBugsOf(version).map((bug) => bug.id);
    assert.deepEqual(affected('3.40.1'), ['wal-reset']);
    assert.deepEqual(affected('3.7.0'), ['wal-reset']);
    assert.deepEqual(affected('3.51.2'), ['wal-reset']);
    assert.deepEqual(affected('3.44.5'), ['wal-reset']);
    assert.deepEqual(affected('3.50.6'), ['wal-reset']);
    for (const safe of ['3.6.23', '3.44.6', '3.50.7', '3.51.3', '3.52.0', '3.53.4', 'not a version']) {
      assert.deepEqual(affected(safe), [], safe);
    }
    for (const bug of knownSqliteBugs) {
      assert.ok(
        bug.references.some((url) => url.startsWith('https://sqlite.org/releaselog/')),
        `${bug.id} cites its release notes`,
      );
    }
  });
});

describe('lost locks and OFD locks, from a prepared /proc', () => {
  function preparedWal(t: { after: (fn: () => void) => void }) {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder, 'wal');
    fs.writeFileSync(`${file}-shm`, '');
    const realFile = fs.realpathSync(file);
    const root = path.join(folder, 'proc');
    return { file, realFile, root, db: procLockId(file), shm: procLockId(`${file}-shm`) };
  }

  test('DMS held without the database lock, and -shm open without DMS, are flagged; a whole connection is not', (t) => {
    const { file, realFile, root, db, shm } = preparedWal(t);
    writeProcLocks(root, [
      // 5001: a healthy open connection (database shared range and DMS).
      `1: POSIX  ADVISORY  READ 5001 ${db} 1073741826 1073742335`,
      `2: POSIX  ADVISORY  READ 5001 ${shm} 128 128`,
      // 5002: its database lock was dropped by a close(); the -shm lock stays.
      `3: POSIX  ADVISORY  READ 5002 ${shm} 128 128`,
      // 5003: still holds the database lock but its -shm locks are gone while -shm is open.
      `4: POSIX  ADVISORY  READ 5003 ${db} 1073741826 1073742335`,
    ]);
    for (const pid of [5001, 5002, 5003]) {
      addProcess(root, pid, { comm: `app${pid}` }, [realFile, `${realFile}-shm`]);
      writeProcStat(root, pid, `app${pid}`, 'S');
    }
    const report = readLockHolders(file, { platform: 'linux', procRoot: root });
    const lost = Object.fromEntries(
      report.processes.map((facts) => [facts.pid, facts.lostLocks.map((entry) => entry.file)]),
    );
    assert.deepEqual(lost, { 5001: [], 5002: ['db'], 5003: ['shm'] });
    const flagged = report.processes.find((facts) => facts.pid === 5002);
    assert.match(flagged?.lostLocks[0].reason ?? '', /opened and closed the database file outside SQLite/);
    assert.equal(flagged?.lostLocks[0].reference, 'https://www.sqlite.org/howtocorrupt.html');
    assert.match(formatLockReport(report), /WARNING: app5002 5002 lost its database locks/);
    assert.deepEqual(report.lostLockCheck, { possible: true, note: null });
    assert.match(lockWarning(report)?.short ?? '', /app5002 5002 lost its locks \(\+1 more\)/);
  });

  test('in rollback mode loss cannot be seen, and the report says so instead of guessing', (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder);
    const root = path.join(folder, 'proc');
    writeProcLocks(root, []);
    addProcess(root, 5010, { comm: 'idle' }, [fs.realpathSync(file)]);
    const report = readLockHolders(file, { platform: 'linux', procRoot: root });
    assert.equal(report.lostLockCheck.possible, false);
    assert.match(report.lostLockCheck.note ?? '', /cannot be seen in rollback mode/);
    assert.deepEqual(report.processes[0].lostLocks, []);
    assert.match(formatLockReport(report), /cannot be seen in rollback mode/);
  });

  test('OFDLCK lines are decoded like POSIX ones, marked, with PID -1 when tied to no process', (t) => {
    const { file, realFile, root, db, shm } = preparedWal(t);
    writeProcLocks(root, [
      `1: OFDLCK ADVISORY  READ -1 ${db} 1073741826 1073742335`,
      `2: OFDLCK ADVISORY  READ -1 ${shm} 128 128`,
      `3: OFDLCK ADVISORY  WRITE -1 ${shm} 120 120`,
      `4: POSIX  ADVISORY  READ 5020 ${db} 1073741826 1073742335`,
      `5: POSIX  ADVISORY  READ 5020 ${shm} 128 128`,
      `6: FLOCK  ADVISORY  WRITE 5020 ${db} 0 EOF`,
    ]);
    addProcess(root, 5021, { comm: 'goworker' }, [realFile, `${realFile}-shm`]);
    const report = readLockHolders(file, { platform: 'linux', procRoot: root });
    const rows = report.holders.map(
      (holder) => `${holder.pid} ${holder.file} ${holder.lock}${holder.openFileDescription ? ' ofd' : ''}`,
    );
    assert.deepEqual(rows, [
      '-1 db SHARED ofd',
      '-1 shm OPEN ofd',
      '-1 shm WAL_WRITE ofd',
      '5020 db SHARED',
      '5020 shm OPEN',
      '5021 db OPEN',
    ]);
    assert.equal(lockSummary(report), 'writer: pid -1');
    assert.deepEqual(
      report.processes.map((facts) => facts.pid),
      [5020, 5021],
      'PID -1 is no process',
    );
    // 5021 (an OFD user) has -shm open and no POSIX DMS lock: not flagged, and the note says why.
    assert.deepEqual(report.processes[1].lostLocks, []);
    assert.match(report.lostLockCheck.note ?? '', /open-file-description locks not tied to one process/);
    assert.match(formatLockReport(report), /\(OFD lock\)\s+db\s+SHARED \[OFD\]/);
  });
});

describe('stopped holders and how long a lock has been held', () => {
  test('a stopped writer: a warning with the PID to resume, in the report, the text and the status bar', (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder);
    const root = path.join(folder, 'proc');
    writeProcLocks(root, [`1: POSIX  ADVISORY  WRITE 4711 ${procLockId(file)} 1073741825 1073741825`]);
    addProcess(root, 4711, { comm: 'python3' });
    writeProcStat(root, 4711, 'python3', 'T');
    const report = readLockHolders(file, { platform: 'linux', procRoot: root });
    const expected =
      'python3 4711 is stopped (SIGSTOP or job control): it keeps its write lock until resumed: kill -CONT 4711, or end it';
    assert.deepEqual(report.processes[0].warnings, [expected]);
    assert.match(formatLockReport(report), new RegExp(`WARNING: ${expected.replace(/[()]/g, '\\$&')}\\.`));
    assert.equal(lockWarning(report)?.short, 'python3 4711 stopped, holding a lock');
    // Resumed: no warning; running processes say nothing.
    writeProcStat(root, 4711, 'python3', 'S');
    assert.deepEqual(readLockHolders(file, { platform: 'linux', procRoot: root }).processes[0].warnings, []);
  });

  test('held-for: first seen at the watch\u2019s first reading is "at least"; a later lock counts from its reading', () => {
    const entry = (pid: number, lock: LockHolderEntry['lock']): LockHolderEntry => ({
      pid,
      command: 'python3',
      commandLine: null,
      file: 'db',
      lock,
      access: 'write',
      waiting: false,
      openWithoutLock: false,
      meaning: '',
    });
    const clock = new HoldClock();
    const t0 = '2026-12-02T10:00:00.000Z';
    const raw = [entry(1, 'RESERVED')];
    const first = clock.stamp(raw, t0);
    assert.equal(clock.stamp(raw, '2026-12-02T10:00:00.500Z'), first, 'unchanged holders: the same array');
    assert.equal(clock.stamp([entry(1, 'RESERVED')], '2026-12-02T10:00:01.000Z')[0].heldSince, t0);
    const later = clock.stamp([entry(1, 'RESERVED'), entry(2, 'SHARED')], '2026-12-02T10:00:02.000Z');
    const timed = withHeldFor(later, '2026-12-02T10:00:12.300Z');
    assert.deepEqual(
      timed.map((holder) => heldForText(holder)),
      ['held at least 12.3 s', 'held 10.3 s'],
    );
    // Released and taken again: starts over.
    clock.stamp([entry(2, 'SHARED')], '2026-12-02T10:00:13.000Z');
    const retaken = clock.stamp([entry(1, 'RESERVED'), entry(2, 'SHARED')], '2026-12-02T10:00:14.000Z');
    assert.deepEqual(
      withHeldFor(retaken, '2026-12-02T10:00:15.000Z').map((holder) => heldForText(holder)),
      ['held 1.0 s', 'held 13.0 s'],
    );
    const report = {
      supported: true,
      journalMode: 'delete',
      holders: timed,
      processes: [],
    } as unknown as LockReport;
    assert.equal(lockSummary(report), 'writer: python3 1, held at least 12.3 s');
    assert.deepEqual([45_000, 250_000, 7_500_000, 200_000_000].map(formatHeldFor), [
      '45.0 s',
      '4 min 10 s',
      '2 h 5 min',
      '2 d 7 h',
    ]);
  });
});
