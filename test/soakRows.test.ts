// The soak's accounting (test/vscode/soak/soakRows.ts) against files the sqlite3 shell wrote: it must
// see a committed transaction that is missing or partial, rows nobody committed, half a killed
// transaction and a reader whose count went down, and accept a killed transaction all there or gone.
// (The soak itself runs in the extension host: test/vscode/soak.test.ts.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sqliteShell } from './support/sqliteShell';
import { tempFolderFor } from './support/tempDatabase';
import type { ClientLedger } from './vscode/soak/soakClients';
import { checkRows, soakSchema } from './vscode/soak/soakRows';

const rowsPerTransaction = 3;

function databaseWith(
  t: { after: (fn: () => void) => void },
  transactions: [number, number, number][],
): string {
  const file = join(tempFolderFor(t), 'soak.db');
  const inserts = transactions.flatMap(([client, seq, rows]) =>
    Array.from({ length: rows }, (_, part) => `INSERT INTO soak_rows VALUES (${client}, ${seq}, ${part});`),
  );
  sqliteShell(file, [soakSchema, ...inserts].join('\n'));
  return file;
}

function writer(client: number, committed: number[], openAtKill?: number): ClientLedger {
  return {
    client,
    kind: 'writer',
    pid: 1,
    committed: new Set(committed),
    openAtKill,
    busy: 0,
    reads: [],
    faults: [],
    killed: openAtKill !== undefined,
  };
}

test('every committed transaction whole, a killed one all there or gone: no problem, counted', (t) => {
  const file = databaseWith(t, [
    [1, 1, 3],
    [1, 2, 3],
    [2, 1, 3],
    [2, 2, 3], // killed with 2 open, but its COMMIT won the race
  ]);
  const check = checkRows(file, [writer(1, [1, 2], 3), writer(2, [1], 2)], rowsPerTransaction);
  assert.deepEqual(check.problems, []);
  assert.equal(check.integrity, 'ok');
  assert.equal(check.transactionsCommitted, 3);
  assert.equal(check.rowsFound, 12);
  assert.equal(check.killedOpenCommitted, 1);
  assert.equal(check.killedOpenRolledBack, 1);
});

test('a missing commit, a partial one, half a killed transaction and rows nobody committed are each a problem', (t) => {
  const file = databaseWith(t, [
    [1, 1, 3],
    [1, 2, 2], // committed, one row short
    [2, 1, 1], // killed in 1: half of it
    [3, 7, 3], // nobody said 3/7 committed
  ]);
  const check = checkRows(file, [writer(1, [1, 2, 3]), writer(2, [], 1), writer(3, [])], rowsPerTransaction);
  assert.deepEqual(check.problems, [
    'client 1 committed transaction 2: 2 of its 3 rows are there',
    'client 1 committed transaction 3: 0 of its 3 rows are there',
    'client 2, killed in transaction 1: 1 of 3 rows, half a transaction',
    '3 rows of transaction 3/7 (client/seq) that no client committed',
  ]);
});

test('a reader whose row count goes down is a problem', (t) => {
  const file = databaseWith(t, []);
  const reader: ClientLedger = { ...writer(9, []), kind: 'reader', reads: [3, 6, 6, 3] };
  assert.deepEqual(checkRows(file, [reader], rowsPerTransaction).problems, ['reader 9 saw 6 rows, then 3']);
});
