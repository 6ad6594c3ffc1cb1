// What python-deferred-read-then-write reports, and what it deliberately leaves alone, checked on a
// real database with python3's sqlite3 while another process holds the write lock: the reported
// shapes fail with "database is locked" long before their 60 s timeout (the holder is released only
// after they gave up), and the default isolation level with a finished SELECT waits and succeeds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { holdLockWithPython } from './support/lockHolder';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

const reported = {
  'explicit BEGIN, SELECT, INSERT': `
conn = sqlite3.connect(sys.argv[1], timeout=60, isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM items").fetchone()
write(lambda: conn.execute("INSERT INTO items (name) VALUES ('b')"))`,
  'UPDATE inside a loop over a SELECT (default isolation)': `
conn = sqlite3.connect(sys.argv[1], timeout=60)
for (item_id,) in conn.execute("SELECT id FROM items"):
    write(lambda: conn.execute("UPDATE items SET name = 'b' WHERE id = ?", (item_id,)))
    break`,
};

const notReported = `
conn = sqlite3.connect(sys.argv[1], timeout=60)
with conn:
    conn.execute("SELECT count(*) FROM items").fetchone()
    write(lambda: conn.execute("INSERT INTO items (name) VALUES ('b')"))`;

const prelude = `
import sqlite3, sys, time
def write(statement):
    print("writing", flush=True)
    started = time.monotonic()
    try:
        statement()
        print("ok", flush=True)
    except sqlite3.OperationalError as error:
        print(f"error {error} after {time.monotonic() - started:.3f}", flush=True)
        sys.exit(0)
`;

/** Runs the snippet; `onWriting` is called when it is about to write. Resolves with its output. */
function runPython(file: string, body: string, onWriting: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', prelude + body, file]);
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (!/^writing$/m.test(before) && /^writing$/m.test(output)) {
        onWriting();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`python3 exited ${code}: ${errors}`)),
    );
  });
}

for (const [shape, body] of Object.entries(reported)) {
  test(`reported: ${shape} fails at once while another process writes`, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const holder = await holdLockWithPython(file, [
      'BEGIN IMMEDIATE',
      "INSERT INTO items (name) VALUES ('held')",
    ]);
    try {
      const output = await runPython(file, body, () => undefined);
      const failure = /^error database is locked after ([\d.]+)$/m.exec(output);
      assert.ok(failure !== null, `expected "database is locked", got: ${output}`);
      // The busy timeout is 60 s and the holder never lets go before this returns: a wait would
      // show as tens of seconds; failing at once takes well under one, even on a loaded machine.
      assert.ok(Number(failure[1]) < 20, `waited ${failure[1]} s`);
    } finally {
      await holder.release();
    }
  });
}

test('not reported: the default isolation level with a finished SELECT waits for the lock', async (t) => {
  const file = makeItemsDatabase(tempFolderFor(t));
  const holder = await holdLockWithPython(file, [
    'BEGIN IMMEDIATE',
    "INSERT INTO items (name) VALUES ('held')",
  ]);
  try {
    // The holder lets go only once the snippet is about to write: the write has to wait for it.
    const output = await runPython(file, notReported, () => void holder.release());
    assert.match(output, /^ok$/m);
  } finally {
    await holder.release();
  }
});
