// Header parsing against files written by real SQLite clients (better-sqlite3 and the Debian sqlite3
// shell); crafted bad headers are classifyHeader.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { readDatabaseHeader } from '../src/engine/header/readDatabaseHeader';
import { openDatabase, sqliteLibraryVersion } from '../src/engine/sqliteModule';
import { sqliteShell, sqliteShellVersion } from './support/sqliteShell';
import { tempFolderFor } from './support/tempDatabase';

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
