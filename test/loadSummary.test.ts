// The load test's arithmetic: percentiles, rows added from two counts, and the seed's check in one line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latencySummary } from '../src/engine/load/percentiles';
import { loadCheck, rowsAdded } from '../src/engine/load/summarizeLoad';

test('percentiles are measured values (nearest rank)', () => {
  assert.equal(latencySummary([]), null);
  const values = Array.from({ length: 100 }, (_, index) => 100 - index);
  assert.deepEqual(latencySummary(values), { p50: 50, p90: 90, p99: 99, max: 100 });
  assert.deepEqual(latencySummary([7]), { p50: 7, p90: 7, p99: 7, max: 7 });
});

test('counting every table reports the one that grew and the others that changed', () => {
  const rows = rowsAdded(
    { kind: 'allTables', tables: { items: 20, audit: 5, sessions: 3 } },
    { kind: 'allTables', tables: { items: 22, audit: 5, sessions: 2, created: 1 } },
  );
  assert.equal(rows.what, 'items');
  assert.deepEqual([rows.before, rows.after, rows.added], [20, 22, 2]);
  assert.deepEqual(rows.otherTables, [
    { table: 'created', added: 1 },
    { table: 'sessions', added: -1 },
  ]);
  const none = rowsAdded(
    { kind: 'allTables', tables: { items: 3 } },
    { kind: 'allTables', tables: { items: 3 } },
  );
  assert.deepEqual([none.what, none.added], [null, 0]);
});

test("the seed's check, and a clear word when rows added differ from successful requests", () => {
  const rows = (added: number) =>
    rowsAdded(
      { kind: 'table', table: 'items', rows: 10 },
      { kind: 'table', table: 'items', rows: 10 + added },
    );
  assert.deepEqual(loadCheck({ sent: 20, successful: 2, failed: 18 }, rows(2)), {
    text: '18 of 20 requests failed; 2 rows were added for 2 successful requests',
    rowsMatchSuccesses: true,
  });
  assert.equal(
    loadCheck({ sent: 1, successful: 1, failed: 0 }, rows(1)).text,
    'All 1 request succeeded; 1 row was added for 1 successful request',
  );
  const more = loadCheck({ sent: 20, successful: 2, failed: 18 }, rows(5));
  assert.equal(more.rowsMatchSuccesses, false);
  assert.match(
    more.text,
    /^18 of 20 requests failed; 5 rows were added for 2 successful requests — rows added ≠ successful requests \(3 rows more/,
  );
  assert.match(
    loadCheck({ sent: 4, successful: 4, failed: 0 }, rows(1)).text,
    /3 rows fewer than successful requests/,
  );
});
