// Header parsing against files written by real SQLite clients (better-sqlite3 and the Debian sqlite3
// shell), and the classification of crafted bad headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyHeader } from '../src/engine/header/classifyHeader';
import { readDatabaseHeader } from '../src/engine/header/readDatabaseHeader';
import { formatSqliteVersionNumber } from '../src/engine/header/sqliteVersionNumber';
import { openDatabase, sqliteLibraryVersion } from '../src/engine/sqliteModule';
import { sqliteShell, sqliteShellVersion } from './support/sqliteShell';
import { makeTempFolder, tempFolderFor } from './support/tempDatabase';

/** PRAGMA values as an independent client (the shell, another process) reports them. */
function shellPragmas(file: string): Record<string, string> {
  const names = [
    'page_size',
    'page_count',
    'freelist_count',
    'schema_version',
    'user_version',
    'application_id',
    'encoding',
    'journal_mode',
  ];
  const values = sqliteShell(file, names.map((name) => `PRAGMA ${name};`).join('\n')).split('\n');
  return Object.fromEntries(names.map((name, index) => [name, values[index]]));
}

function makeWithBetterSqlite(file: string, pageSize: number, wal: boolean): void {
  const db = openDatabase(file);
  try {
    db.pragma(`page_size = ${pageSize}`);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 200; i++) {
      insert.run('x'.repeat(300));
    }
    db.exec('DELETE FROM t WHERE id > 150'); // leaves free pages
    db.pragma('user_version = 42');
    db.pragma('application_id = 1234567');
    if (wal) {
      db.pragma('journal_mode = WAL');
    }
  } finally {
    // Closed before the header is read: this process must hold no connection while it reads.
    db.close();
  }
}

function assertMatchesPragmas(file: string, expectedWal: boolean, expectedWriter: string): void {
  const { header, sizeBytes } = readDatabaseHeader(file);
  assert.ok(header !== null);
  const pragmas = shellPragmas(file);
  assert.equal(header.pageSize, Number(pragmas.page_size));
  assert.ok(header.pageCountValid);
  assert.equal(header.headerPageCount, Number(pragmas.page_count));
  assert.equal(header.headerPageCount * header.pageSize, sizeBytes);
  assert.equal(header.freelistPageCount, Number(pragmas.freelist_count));
  assert.equal(header.schemaCookie, Number(pragmas.schema_version));
  assert.equal(header.userVersion, Number(pragmas.user_version));
  assert.equal(header.applicationId, Number(pragmas.application_id));
  assert.equal(header.textEncoding, pragmas.encoding);
  assert.equal(pragmas.journal_mode, expectedWal ? 'wal' : 'delete');
  assert.equal(header.readVersion, expectedWal ? 2 : 1);
  assert.equal(header.writeVersion, expectedWal ? 2 : 1);
  assert.deepEqual(
    [header.maxPayloadFraction, header.minPayloadFraction, header.leafPayloadFraction],
    [64, 32, 32],
  );
  assert.equal(header.schemaFormat, 4);
  assert.equal(header.lastWriterSqliteVersion, expectedWriter);
}

for (const pageSize of [512, 4096, 65536]) {
  for (const wal of [false, true]) {
    test(`better-sqlite3 file, page size ${pageSize}, ${wal ? 'WAL' : 'rollback'}: every field matches the PRAGMAs`, (t) => {
      const file = path.join(tempFolderFor(t), 'app.db');
      makeWithBetterSqlite(file, pageSize, wal);
      assertMatchesPragmas(file, wal, sqliteLibraryVersion());
    });
  }
}

for (const wal of [false, true]) {
  test(`sqlite3 shell file (${sqliteShellVersion()}), ${wal ? 'WAL' : 'rollback'}: fields and last writer version`, (t) => {
    const file = path.join(tempFolderFor(t), 'shell.db');
    sqliteShell(
      file,
      `PRAGMA page_size=4096; ${wal ? 'PRAGMA journal_mode=WAL;' : ''}
       CREATE TABLE t (x); INSERT INTO t SELECT randomblob(500) FROM generate_series(1, 100);
       PRAGMA user_version=-7; PRAGMA application_id=-2;`,
    );
    assertMatchesPragmas(file, wal, sqliteShellVersion());
  });
}

for (const encoding of ['UTF-16le', 'UTF-16be'] as const) {
  test(`${encoding} database from the sqlite3 shell: text encoding decoded`, (t) => {
    const file = path.join(tempFolderFor(t), 'utf16.db');
    sqliteShell(file, `PRAGMA encoding='${encoding}'; CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hé');`);
    const { header } = readDatabaseHeader(file);
    assert.equal(header?.textEncoding, encoding);
    assert.equal(header?.textEncodingCode, encoding === 'UTF-16le' ? 2 : 3);
  });
}

test('a database with no schema yet (only PRAGMA journal_mode=WAL) has format and encoding 0 and is valid', (t) => {
  const file = path.join(tempFolderFor(t), 'bare.db');
  sqliteShell(file, 'PRAGMA journal_mode=WAL;');
  const { header } = readDatabaseHeader(file);
  assert.equal(header?.schemaFormat, 0);
  assert.equal(header?.textEncoding, 'unset');
  assert.equal(header?.readVersion, 2);
});

test('auto-vacuum and incremental vacuum are decoded', (t) => {
  const folder = tempFolderFor(t);
  sqliteShell(path.join(folder, 'full.db'), 'PRAGMA auto_vacuum=FULL; CREATE TABLE t (x);');
  sqliteShell(path.join(folder, 'incr.db'), 'PRAGMA auto_vacuum=INCREMENTAL; CREATE TABLE t (x);');
  sqliteShell(path.join(folder, 'none.db'), 'CREATE TABLE t (x);');
  assert.equal(readDatabaseHeader(path.join(folder, 'full.db')).header?.autoVacuum, 'full');
  assert.equal(readDatabaseHeader(path.join(folder, 'incr.db')).header?.autoVacuum, 'incremental');
  assert.equal(readDatabaseHeader(path.join(folder, 'incr.db')).header?.incrementalVacuum, true);
  assert.equal(readDatabaseHeader(path.join(folder, 'none.db')).header?.autoVacuum, 'none');
});

test('SQLITE_VERSION_NUMBER renders like "3.40.1"', () => {
  assert.equal(formatSqliteVersionNumber(3040001), '3.40.1');
  assert.equal(formatSqliteVersionNumber(3054001), '3.54.1');
  assert.equal(formatSqliteVersionNumber(3007000), '3.7.0');
  assert.equal(formatSqliteVersionNumber(0), null);
});

// Crafted headers: a valid one from a real file, then one field broken at a time.
function validHeaderBytes(): Buffer {
  const folder = makeTempFolder();
  try {
    const file = path.join(folder.path, 'base.db');
    sqliteShell(file, 'CREATE TABLE t (x);');
    return fs.readFileSync(file).subarray(0, 100);
  } finally {
    folder.remove();
  }
}
const base = validHeaderBytes();

function withBytes(changes: Record<number, number>): Buffer {
  const bytes = Buffer.from(base);
  for (const [offset, value] of Object.entries(changes)) {
    bytes[Number(offset)] = value;
  }
  return bytes;
}

function problemOf(bytes: Buffer, fileSize = 8192): { problem: string; reason: string } {
  const result = classifyHeader(bytes, fileSize);
  if (result.kind !== 'problem') {
    assert.fail(`expected a problem, got ${JSON.stringify(result)}`);
  }
  return result;
}

test('page size 1 means 65536', () => {
  const result = classifyHeader(withBytes({ 16: 0, 17: 1 }), 65536);
  assert.equal(result.kind, 'database');
  assert.equal(result.kind === 'database' && result.header.pageSize, 65536);
});

test('each corrupt field is named', () => {
  const cases: [Record<number, number>, RegExp][] = [
    [{ 16: 0x03, 17: 0xe8 }, /page size 1000 \(offset 16\)/],
    [{ 16: 0x01, 17: 0x00 }, /page size 256 \(offset 16\)/],
    [{ 18: 0 }, /write version 0 \(offset 18\)/],
    [{ 19: 0 }, /read version 0 \(offset 19\)/],
    [{ 21: 65 }, /payload fractions \(offsets 21 to 23\) are 65\/32\/32/],
    [{ 23: 0 }, /64\/32\/0, not 64\/32\/32/],
    [{ 16: 0x02, 17: 0, 20: 100 }, /100 reserved bytes per page \(offset 20\) leave fewer than 480/],
    [{ 47: 5 }, /schema format 5 \(offset 44\)/],
    [{ 59: 4 }, /text encoding 4 \(offset 56\)/],
  ];
  for (const [changes, expected] of cases) {
    const { problem, reason } = problemOf(withBytes(changes));
    assert.equal(problem, 'corrupt', reason);
    assert.match(reason, /^has a corrupt SQLite header: /);
    assert.match(reason, expected);
  }
});

test('read version 3 is a newer format SQLite refuses; write version 3 alone is valid (read-only)', () => {
  const { problem, reason } = problemOf(withBytes({ 19: 3 }));
  assert.equal(problem, 'newer-format');
  assert.match(reason, /newer SQLite file format \(read version 3 at offset 19\)/);
  const readOnly = classifyHeader(withBytes({ 18: 3 }), 8192);
  assert.equal(readOnly.kind, 'database');
  assert.equal(readOnly.kind === 'database' && readOnly.header.writeVersion, 3);
});

test('empty, truncated, random and text inputs are told apart', () => {
  assert.deepEqual(classifyHeader(Buffer.alloc(0), 0), { kind: 'empty' });
  assert.equal(problemOf(base.subarray(0, 50), 50).problem, 'truncated');
  assert.match(problemOf(base.subarray(0, 50), 50).reason, /only 50 bytes long/);
  assert.equal(problemOf(base.subarray(0, 10), 10).problem, 'truncated');
  assert.equal(problemOf(crypto.randomBytes(100)).problem, 'looks-encrypted');
  assert.equal(problemOf(Buffer.from('id,name\n'.repeat(20))).problem, 'not-sqlite');
  // Base64 is high in entropy but all printable: not mistaken for ciphertext.
  assert.equal(problemOf(Buffer.from(crypto.randomBytes(75).toString('base64'))).problem, 'not-sqlite');
  assert.equal(problemOf(Buffer.from('hello'), 5).problem, 'not-sqlite');
});

test('a page count is trusted only when offset 92 equals offset 24', () => {
  const stale = withBytes({ 95: base[95] + 1 });
  const result = classifyHeader(stale, 8192);
  assert.equal(result.kind === 'database' && result.header.pageCountValid, false);
  const fresh = classifyHeader(base, 8192);
  assert.equal(fresh.kind === 'database' && fresh.header.pageCountValid, true);
});
