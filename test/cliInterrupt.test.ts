// Ctrl-C in the middle of an --in-place probe: the probe's table is dropped, no session is left running,
// and the user's file is intact.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { untilLocked, reservedByte } from './support/posixLockOn';
import { cliPath } from './support/runCli';
import { sqliteShell } from './support/sqliteShell';
import { makeItemsDatabase, makeTempFolder, readBack, type TempFolder } from './support/tempDatabase';
import { isRunning } from './support/processAlive';

let folder: TempFolder;
before(() => (folder = makeTempFolder()));
after(() => folder.remove());

function childPids(parentPid: number): number[] {
  const listed = spawnSync('pgrep', ['-P', String(parentPid)], { encoding: 'utf8' }).stdout.trim();
  return listed === '' ? [] : listed.split('\n').map(Number);
}

function probeTableVisible(file: string): boolean {
  return sqliteShell(file, "SELECT count(*) FROM sqlite_master WHERE name = '_lock_doctor_probe';") === '1';
}

for (const model of ['processes', 'threads', 'blocking'] as const) {
  test(`SIGINT during an in-place probe (${model}): cancelled, table dropped, user rows unchanged`, async () => {
    const database = makeItemsDatabase(folder.path, 'delete', `interrupt-${model}.db`);
    const before = readBack(database);
    const child = spawn(process.execPath, [cliPath, 'probe', database, '--in-place', '--model', model], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Interrupt while B holds its write lock (RESERVED, from 100 ms to 1100 ms after time zero), as
    // soon as the kernel shows it, however long start-up took. The command itself takes that lock for a
    // moment first, to create the probe's table: with processes B's lock is another process's; otherwise
    // it is the one taken once the table is there for an independent client (the sqlite3 shell) to see.
    const holders = await untilLocked(database, reservedByte, (pids) =>
      model === 'processes' ? !pids.includes(child.pid ?? -1) : probeTableVisible(database),
    );
    const sessionPids = childPids(child.pid ?? -1);
    if (model === 'processes') {
      assert.equal(sessionPids.length, 2, 'A and B run in processes of their own');
      assert.ok(sessionPids.includes(holders[0]), 'the lock is held by a session process');
    } else {
      assert.deepEqual(holders, [child.pid], 'the lock is held by the command itself');
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 1, `stdout: ${stdout}\nstderr: ${stderr}`);
    assert.match(stderr, /the probe was cancelled/);
    assert.deepEqual(sessionPids.filter(isRunning), [], 'no session process left');
    const afterwards = readBack(database);
    assert.deepEqual(afterwards.tables, ['items']);
    assert.deepEqual(afterwards.items, before.items);
    assert.equal(afterwards.integrity, 'ok');
  });
}
