// inspect against real files and real, independent clients (python3's sqlite3, the sqlite3 shell):
// what it reports, that it writes nothing, and that every bad input is one clear UserInputError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatInspectReport } from '../src/engine/inspect/formatInspectReport';
import { inspectDatabase } from '../src/engine/inspect/inspectDatabase';
import { immutableUri, openDatabase } from '../src/engine/sqliteModule';
import { UserInputError } from '../src/engine/userInputError';
import { type ChildOutcome, runAsNobody, serveChildMode } from './support/asNobody';
import { snapshotFolder } from './support/folderSnapshot';
import { crashAfter } from './support/crashedWriter';
import { holdLockWithPython } from './support/lockHolder';
import { sqliteShell } from './support/sqliteShell';
import { tempFolderFor } from './support/tempDatabase';

// Child mode: this same file, started as user nobody, inspects one file and prints the outcome.
serveChildMode('LOCK_DOCTOR_INSPECT_CHILD', (file) => inspectDatabase(file));

function inspectUnchanged(folder: string, file: string): ReturnType<typeof inspectDatabase> {
  const before = snapshotFolder(folder);
  const report = inspectDatabase(file);
  assert.deepEqual(snapshotFolder(folder), before, 'inspect must not write or create any file');
  return report;
}

const makeTable = `
CREATE TABLE t (x);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000)
INSERT INTO t SELECT randomblob(500) FROM c;`;

test('rollback-mode database: fields, no findings, nothing written', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  sqliteShell(file, 'PRAGMA page_size=4096;' + makeTable);
  const report = inspectUnchanged(folder, file);
  assert.equal(report.schema, 'sqlite-lock-doctor/inspect-report@2');
  assert.equal(report.path, file);
  assert.equal(report.journalMode, 'delete');
  assert.match(report.journalModeNote, /not stored/);
  assert.equal(report.pageSize, 4096);
  assert.equal(report.pageCount * 4096, report.sizeBytes);
  assert.equal(report.pageCountSource, 'header');
  assert.equal(report.lastWriterSqliteVersion, '3.40.1');
  assert.match(report.engineSqliteVersion, /^3\.\d+\.\d+$/);
  assert.equal(report.wal.exists, false);
  assert.equal(report.shm.exists, false);
  assert.equal(report.journal.exists, false);
  assert.equal(report.journal.hot, false);
  assert.deepEqual(report.findings, []);
  const defaults = Object.fromEntries(
    report.connectionDefaults.map((entry) => [entry.client, entry.busyTimeoutMs]),
  );
  assert.deepEqual(defaults, {
    'SQLite C API': 0,
    'node:sqlite': 0,
    'Python sqlite3': 5000,
    'better-sqlite3': 5000,
    'Go mattn/go-sqlite3': 5000,
  });
  // The JSON shape survives a round trip (no bigint, no undefined holes).
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});

test('WAL database with no -wal file: reported, and no -wal/-shm created', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  sqliteShell(file, 'PRAGMA journal_mode=WAL;' + makeTable);
  assert.deepEqual(fs.readdirSync(folder), ['app.db']);
  const report = inspectUnchanged(folder, file);
  assert.equal(report.journalMode, 'wal');
  assert.equal(report.header?.readVersion, 2);
  assert.equal(report.wal.exists, false);
  assert.ok(report.findings.some((finding) => finding.code === 'wal-file-missing'));
  assert.deepEqual(fs.readdirSync(folder), ['app.db']);
});

test('WAL left by a killed writer: WAL header parsed, all three files byte-for-byte unchanged', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  crashAfter(file, [
    'PRAGMA journal_mode=WAL',
    'CREATE TABLE t (x)',
    'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50) INSERT INTO t SELECT randomblob(300) FROM c',
  ]);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['app.db', 'app.db-shm', 'app.db-wal']);
  const report = inspectUnchanged(folder, file);
  const walHeader = report.wal.header;
  assert.ok(walHeader !== null);
  assert.ok(walHeader.valid);
  assert.ok(walHeader.checksumValid, 'the header checksum is SQLite’s own');
  assert.ok(['0x377f0682', '0x377f0683'].includes(walHeader.magic));
  assert.equal(walHeader.formatVersion, 3007000);
  assert.equal(walHeader.pageSize, 4096);
  assert.equal(walHeader.frameCount, (report.wal.sizeBytes - 32) / (24 + 4096));
  assert.ok(walHeader.frameCount >= 2);
  assert.equal(report.shm.exists, true);
  assert.equal(report.locks.holders.length, 0);
});

test('a live WAL reader (python3) shows up in the lock table with its PID', async (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  sqliteShell(file, 'PRAGMA journal_mode=WAL;' + makeTable);
  const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM t']);
  t.after(() => reader.release());
  const report = inspectUnchanged(folder, file);
  assert.equal(report.locks.supported, true);
  // The same entries `locks` reports: one per process, file and lock, named from /proc.
  const own = report.locks.holders
    .filter((entry) => entry.pid === reader.pid)
    .map((entry) => `${entry.file} ${entry.lock} ${entry.access}`);
  assert.deepEqual(
    own.filter((entry) => !entry.startsWith('shm WAL_READ')),
    ['db SHARED read', 'shm OPEN read'],
    JSON.stringify(report.locks),
  );
  assert.ok(
    own.some((entry) => /^shm WAL_READ read$/.test(entry)),
    own.join(', '),
  );
  assert.match(report.locks.holders.find((entry) => entry.pid === reader.pid)?.command ?? '', /python/);
  const finding = report.findings.find((entry) => entry.code === 'locks-held');
  assert.match(
    finding?.message ?? '',
    new RegExp(`PID ${reader.pid} python\\S* \\(SHARED, OPEN, WAL_READ\\(\\d\\)\\)`),
  );
});

// A writer mid-transaction with its journal on disk: a tiny cache makes the update spill pages to the
// database, which first syncs the journal header.
const hotJournalStatements = [
  'CREATE TABLE t (x)',
  'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) INSERT INTO t SELECT randomblob(500) FROM c',
  'PRAGMA cache_size=10',
  'BEGIN',
  'UPDATE t SET x = randomblob(500)',
];

test('a hot journal (writer SIGKILLed mid-transaction) is reported, never rolled back', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  crashAfter(file, hotJournalStatements);
  assert.ok(fs.existsSync(`${file}-journal`));
  const report = inspectUnchanged(folder, file);
  assert.equal(report.journal.validMagic, true);
  assert.equal(report.journal.hot, true);
  assert.deepEqual(report.journal.reservedLockHolders, []);
  assert.equal(report.findings[0]?.code, 'hot-journal');
  assert.equal(report.findings[0]?.severity, 'problem');
  assert.match(formatInspectReport(report), /HOT/);
});

test('a journal of a live writer (RESERVED held) is not hot', async (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  const writer = await holdLockWithPython(file, hotJournalStatements);
  t.after(() => writer.release());
  const report = inspectUnchanged(folder, file);
  assert.equal(report.journal.exists, true);
  assert.equal(report.journal.hot, false);
  assert.deepEqual(report.journal.reservedLockHolders, [writer.pid]);
  assert.ok(report.findings.some((finding) => finding.code === 'write-in-progress'));
  const holder = report.locks.holders.find((entry) => entry.pid === writer.pid && entry.file === 'db');
  assert.ok(holder !== undefined && ['RESERVED', 'PENDING', 'EXCLUSIVE'].includes(holder.lock));
});

test('a -wal file beside a rollback-mode database is a finding', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  sqliteShell(file, 'CREATE TABLE t (x);');
  fs.writeFileSync(`${file}-wal`, 'leftover');
  const report = inspectUnchanged(folder, file);
  const codes = report.findings.map((finding) => finding.code);
  assert.ok(codes.includes('wal-file-in-rollback-mode'), codes.join());
  assert.ok(codes.includes('wal-header-short'), codes.join());
});

test('an empty file is a valid empty database, reported as such', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'empty.db');
  fs.writeFileSync(file, '');
  const report = inspectUnchanged(folder, file);
  assert.equal(report.empty, true);
  assert.equal(report.header, null);
  assert.equal(report.pageSize, null);
  assert.equal(report.pageCount, 0);
  assert.equal(report.journalMode, 'delete');
  assert.deepEqual(
    report.findings.map((finding) => finding.code),
    ['empty-database'],
  );
  assert.match(formatInspectReport(report), /empty database/);
});

function assertUserInputError(file: string, expected: RegExp): void {
  assert.throws(
    () => inspectDatabase(file),
    (error: unknown) => {
      assert.ok(error instanceof UserInputError, `expected a UserInputError, got ${String(error)}`);
      assert.ok(error.message.startsWith(`${file}: `), error.message);
      assert.match(error.message, expected);
      return true;
    },
  );
}

test('bad inputs: one UserInputError naming the file, and nothing written', (t) => {
  const folder = tempFolderFor(t);
  const at = (name: string): string => path.join(folder, name);
  fs.mkdirSync(at('folder.db'));
  fs.symlinkSync('loop-b.db', at('loop-a.db'));
  fs.symlinkSync('loop-a.db', at('loop-b.db'));
  fs.symlinkSync('nowhere.db', at('dangling.db'));
  fs.writeFileSync(at('encrypted.db'), crypto.randomBytes(4096));
  fs.writeFileSync(at('notes.txt'), 'This is a text file, not a database.\n'.repeat(10));
  sqliteShell(at('good.db'), 'CREATE TABLE t (x);');
  const good = fs.readFileSync(at('good.db'));
  const patched = (name: string, changes: Record<number, number>): void => {
    const bytes = Buffer.from(good);
    for (const [offset, value] of Object.entries(changes)) {
      bytes[Number(offset)] = value;
    }
    fs.writeFileSync(at(name), bytes);
  };
  patched('pagesize.db', { 16: 0x03, 17: 0xe8 });
  patched('newer.db', { 19: 3 });
  patched('encoding.db', { 59: 7 });
  fs.writeFileSync(at('truncated.db'), good.subarray(0, 50));
  const before = snapshotFolder(folder);

  assertUserInputError(at('missing.db'), /: does not exist$/);
  assertUserInputError(at('folder.db'), /is a directory/);
  assertUserInputError(at('loop-a.db'), /symbolic link loop \(ELOOP\)/);
  assertUserInputError(at('dangling.db'), /symbolic link to a file that does not exist/);
  assertUserInputError(at('encrypted.db'), /looks encrypted/);
  assertUserInputError(at('notes.txt'), /is not an SQLite database/);
  assertUserInputError(at('pagesize.db'), /corrupt SQLite header: page size 1000 \(offset 16\)/);
  assertUserInputError(at('encoding.db'), /corrupt SQLite header: text encoding 7 \(offset 56\)/);
  assertUserInputError(at('newer.db'), /newer SQLite file format \(read version 3/);
  assertUserInputError(at('truncated.db'), /only 50 bytes long.*truncated/);
  assert.deepEqual(snapshotFolder(folder), before);
});

/** Inspects `file` in a child process running as user nobody (root ignores file permissions). */
function inspectAsNobody(file: string): ChildOutcome {
  return runAsNobody(__filename, 'LOCK_DOCTOR_INSPECT_CHILD', file, 'the permission check');
}

test('no permission to read: UserInputError (checked as user nobody)', (t) => {
  const folder = tempFolderFor(t);
  fs.chmodSync(folder, 0o755);
  const readable = path.join(folder, 'readable.db');
  const locked = path.join(folder, 'locked.db');
  sqliteShell(readable, 'CREATE TABLE t (x);');
  fs.copyFileSync(readable, locked);
  fs.chmodSync(readable, 0o644);
  fs.chmodSync(locked, 0o000);
  // The harness itself works as nobody: a readable file inspects fine.
  assert.deepEqual(inspectAsNobody(readable), { ok: true });
  const outcome = inspectAsNobody(locked);
  assert.equal(outcome.name, 'UserInputError');
  assert.equal(outcome.message, `${locked}: cannot be read: permission denied (EACCES)`);
});

/** Bytes this process has read through read() and friends so far (Linux /proc/self/io). */
function bytesReadSoFar(): number {
  const io = fs.readFileSync('/proc/self/io', 'utf8');
  return Number(/^rchar: (\d+)$/m.exec(io)?.[1]);
}

test('a 1 GiB file costs inspect no more reading than a small one (only the header is read)', (t) => {
  const folder = tempFolderFor(t);
  const small = path.join(folder, 'small.db');
  const big = path.join(folder, 'big.db');
  sqliteShell(small, 'PRAGMA page_size=4096; CREATE TABLE t (x);');
  // A sparse 1 GiB file whose header says so: valid, and costly to read if anything read it all.
  fs.copyFileSync(small, big);
  const gib = 1024 * 1024 * 1024;
  fs.truncateSync(big, gib);
  const descriptor = fs.openSync(big, 'r+');
  const pages = Buffer.alloc(4);
  pages.writeUInt32BE(gib / 4096);
  fs.writeSync(descriptor, pages, 0, 4, 28);
  fs.closeSync(descriptor);
  inspectDatabase(small); // warm-up: loads the SQLite library once
  // How fast that is, is measured by `npm run bench`; here: how much of the file is read.
  const bytesRead = (file: string): number => {
    const before = bytesReadSoFar();
    const report = inspectDatabase(file);
    const read = bytesReadSoFar() - before;
    assert.equal(report.sizeBytes, fs.statSync(file).size);
    return read;
  };
  const smallBytes = bytesRead(small);
  const bigBytes = bytesRead(big);
  assert.equal(inspectDatabase(big).pageCount, gib / 4096);
  t.diagnostic(`inspect read: small file ${smallBytes} bytes, 1 GiB file ${bigBytes} bytes`);
  assert.ok(smallBytes > 0);
  assert.ok(bigBytes < smallBytes + 1024 * 1024, `inspect read ${bigBytes} bytes of a 1 GiB file`);
});

test('a file reached through a symlink: sidecars looked up beside the real file', (t) => {
  const folder = tempFolderFor(t);
  fs.mkdirSync(path.join(folder, 'real'));
  const real = path.join(folder, 'real', 'app.db');
  const link = path.join(folder, 'link.db');
  sqliteShell(real, 'CREATE TABLE t (x);');
  fs.symlinkSync(real, link);
  fs.writeFileSync(`${real}-journal`, '');
  const report = inspectDatabase(link);
  assert.equal(report.path, link);
  assert.equal(report.realPath, real);
  assert.equal(report.journal.path, `${real}-journal`);
  assert.equal(report.journal.exists, true);
  assert.equal(report.journal.hot, false);
});

test('the plain-text report aligns keys and ends with the findings', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'app.db');
  sqliteShell(file, 'PRAGMA journal_mode=WAL; CREATE TABLE t (x);');
  const text = formatInspectReport(inspectDatabase(file));
  const lines = text.split('\n');
  const valueColumn = lines[0].indexOf('/');
  assert.ok(valueColumn > 0);
  for (const key of ['size', 'journal mode', 'page size', '-wal', '-shm', '-journal', 'locks']) {
    const line = lines.find((candidate) => candidate.startsWith(key + ' '));
    assert.ok(line, `a "${key}" line`);
    assert.notEqual(line[valueColumn], ' ', `value of "${key}" starts in the aligned column`);
    assert.equal(line[valueColumn - 1], ' ');
  }
  assert.match(text, /journal mode +wal/);
  assert.match(text, /Findings:\n {2}\[info\] .*no -wal file/);
  assert.ok(text.trimEnd().endsWith(lines.filter((line) => line !== '').at(-1) ?? ''));
});

test('immutableUri: paths with %, ?, #, spaces and non-ASCII open read-only and create nothing', (t) => {
  const folder = path.join(tempFolderFor(t), 'odd ?#% dir é');
  fs.mkdirSync(folder);
  for (const wal of [false, true]) {
    const file = path.join(folder, `${wal ? 'wal' : 'rollback'} #1?.db`);
    sqliteShell(
      file,
      `${wal ? 'PRAGMA journal_mode=WAL;' : ''} CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);`,
    );
    const before = snapshotFolder(folder);
    const uri = immutableUri(file);
    assert.match(uri, /^file:\/\/\/.*\?immutable=1$/);
    assert.equal(uri.split('?').length, 2, 'the only ? is the query separator');
    assert.ok(!uri.slice(0, -'?immutable=1'.length).includes('#'));
    const db = openDatabase(uri, { readonly: true, fileMustExist: true });
    try {
      assert.deepEqual(db.prepare('SELECT count(*) AS n FROM t').get(), { n: 2 });
    } finally {
      db.close();
    }
    assert.deepEqual(snapshotFolder(folder), before);
  }
  assert.equal(immutableUri('/data/a b%?#.db'), 'file:///data/a%20b%25%3F%23.db?immutable=1');
});
