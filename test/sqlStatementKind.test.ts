// The leading keywords of an SQL text tell a read from a write (the Python and JavaScript rules that
// look for a read followed by a write in a deferred transaction share this).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sqlScriptKinds, sqlStatementKind } from '../src/engine/hints/sqlStatementKind';

test('reads, writes and transaction control, after leading comments', () => {
  assert.equal(sqlStatementKind('  -- the balance\n  SELECT balance FROM accounts'), 'read');
  assert.equal(sqlStatementKind('/* upsert */ insert into t values (1)'), 'write');
  assert.equal(sqlStatementKind('VALUES (1), (2)'), 'read');
  assert.equal(sqlStatementKind('BEGIN IMMEDIATE'), 'begin-locking');
  assert.equal(sqlStatementKind('PRAGMA busy_timeout = 5000'), 'other');
});

test('a WITH statement is what its final statement does', () => {
  assert.equal(sqlStatementKind('WITH recent AS (SELECT id FROM jobs) SELECT * FROM recent'), 'read');
  assert.equal(
    sqlStatementKind('WITH old AS (SELECT id FROM jobs) DELETE FROM jobs WHERE id IN old'),
    'write',
  );
});

test('a script is read statement by statement, blanks left out', () => {
  assert.deepEqual(sqlScriptKinds('SELECT 1; UPDATE t SET a = 1;\n'), ['read', 'write']);
});
