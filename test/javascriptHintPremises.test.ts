// What the JavaScript hints claim, on real drivers and a real second process (python3's sqlite3 holding
// the write lock): a deferred better-sqlite3 transaction that reads, then writes fails at once however
// long its timeout, while `.immediate` waits; node:sqlite's DatabaseSync fails at once unless given a
// `timeout`, and waits with one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { test, type TestContext } from 'node:test';
import { openDatabase } from '../src/engine/sqliteModule';
import { isRunning } from './support/processAlive';
import { untilReady } from './support/readyClient';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

/** python3 takes the write lock (BEGIN IMMEDIATE + an insert), says "ready", commits after `holdSeconds`. */
async function writerHolding(
  t: TestContext,
  file: string,
  holdSeconds: number,
): Promise<{ pid: number; exited: Promise<void> }> {
  const script = `
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO items (name) VALUES ('holder')")
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
`;
  const child = spawn('python3', ['-c', script, file, String(holdSeconds)]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.after(() => {
    if (child.exitCode === null) {
      child.kill();
    }
  });
  await untilReady(child, 'python3', 20_000);
  return { pid: child.pid!, exited };
}

function rowCount(file: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('better-sqlite3: a deferred read-then-write transaction fails while the writer holds its lock, 5 s timeout or not; .immediate waits', async (t) => {
  const file = makeItemsDatabase(tempFolderFor(t));
  const db = openDatabase(file, { timeout: 5000 });
  t.after(() => db.close());
  const moveItem = db.transaction(() => {
    const row = db.prepare('SELECT id FROM items ORDER BY id LIMIT 1').get() as { id: number };
    db.prepare('INSERT INTO items (name) VALUES (?)').run(`moved ${row.id}`);
  });

  const longWriter = await writerHolding(t, file, 30);
  assert.throws(() => moveItem(), { code: 'SQLITE_BUSY' });
  // It failed while the other writer still held the lock: it did not wait for it.
  assert.equal(isRunning(longWriter.pid), true);
  process.kill(longWriter.pid); // its insert is rolled back
  await longWriter.exited;

  const before = rowCount(file);
  const shortWriter = await writerHolding(t, file, 0.3);
  moveItem.immediate();
  await shortWriter.exited;
  assert.equal(rowCount(file), before + 2, "the writer's row and the transaction's row are both there");
});

test('node:sqlite: DatabaseSync fails at once on a held lock without `timeout`, and waits with it', async (t) => {
  const file = makeItemsDatabase(tempFolderFor(t));
  const before = rowCount(file);

  const longWriter = await writerHolding(t, file, 30);
  const noTimeout = new DatabaseSync(file);
  assert.throws(() => noTimeout.exec("INSERT INTO items (name) VALUES ('no timeout')"), /database is locked/);
  noTimeout.close();
  assert.equal(isRunning(longWriter.pid), true);
  process.kill(longWriter.pid); // its insert is rolled back
  await longWriter.exited;

  const shortWriter = await writerHolding(t, file, 0.3);
  const withTimeout = new DatabaseSync(file, { timeout: 5000 });
  withTimeout.exec("INSERT INTO items (name) VALUES ('with timeout')");
  withTimeout.close();
  await shortWriter.exited;
  assert.equal(rowCount(file), before + 1 + 1, "the short writer's row and this one");
});
