// The classification of database headers, one field at a time: a valid header taken once from a file
// the sqlite3 shell wrote, then crafted breakages (header.test.ts reads real files end to end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyHeader } from '../src/engine/header/classifyHeader';
import { formatSqliteVersionNumber } from '../src/engine/header/sqliteVersionNumber';
import { sqliteShell } from './support/sqliteShell';
import { makeTempFolder } from './support/tempDatabase';

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
