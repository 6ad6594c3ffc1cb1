// `record` as a user runs it: --for with --json and --html, Ctrl-C (SIGINT) and SIGTERM still writing
// the result, and bad input as one sentence with nothing written. Real python3 clients hold the locks.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Recording } from '../src/engine/record/recordingTypes';
import { holdLockWithPython } from './support/lockHolder';
import { cliPath, runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('record on the command line', { skip: process.platform !== 'linux' && 'needs /proc/locks' }, () => {
  test('--for 1s --json --html: the holder is a lane with its interval; the HTML is script-free', async (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder, 'delete');
    const holder = await holdLockWithPython(file, ['BEGIN IMMEDIATE']);
    t.after(() => holder.release());
    const html = join(folder, 'report', 'recording.html');
    const run = await runCli(['record', file, '--for', '1s', '--interval', '10', '--json', '--html', html]);
    assert.equal(run.code, 0, run.stderr);
    const recording = JSON.parse(run.stdout) as Recording;
    assert.equal(recording.schema, 'sqlite-lock-doctor/recording@1');
    assert.equal(recording.intervalMs, 10);
    assert.ok(recording.durationMs >= 1000 && recording.durationMs < 5000, String(recording.durationMs));
    const lane = recording.processes.find((process) => process.pid === holder.pid);
    assert.ok(lane, 'the holder has a lane');
    assert.equal(lane.command, 'python3');
    assert.deepEqual(
      lane.intervals.map((interval) => [interval.state, interval.openAtStart, interval.openAtEnd]),
      [['RESERVED', true, true]],
    );
    assert.equal(recording.summary.longestWriteHolds[0].pid, holder.pid);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /<svg class="sld-timeline"/);
    assert.match(page, new RegExp(`python3 ${holder.pid}`));
    assert.doesNotMatch(page, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.match(run.stderr, /HTML report: /);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} stops a recording without --for and still writes the JSON`, async (t) => {
      const folder = tempFolderFor(t);
      const file = makeItemsDatabase(folder, 'wal');
      const child = spawn(process.execPath, [cliPath, 'record', file, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      t.after(() => child.kill('SIGKILL'));
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const started = new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Recording locks')) {
            resolve();
          }
        }),
      );
      await started;
      // The stop takes a last sample, so a lock held when the signal comes is in the recording.
      const holder = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
      t.after(() => holder.release());
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, stderr);
      const recording = JSON.parse(stdout) as Recording;
      const lane = recording.processes.find((process) => process.pid === holder.pid);
      assert.ok(lane, stdout);
      assert.ok(
        lane.intervals.some((interval) => interval.state === 'WAL_READ' && interval.openAtEnd),
        JSON.stringify(lane.intervals),
      );
    });
  }

  test('text output: findings first, names printable', async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'delete');
    const holder = await holdLockWithPython(file, ['BEGIN IMMEDIATE']);
    t.after(() => holder.release());
    const run = await runCli(['record', file, '--for', '300ms']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^SQLite lock recording: /);
    assert.match(run.stdout, new RegExp(`Longest write-lock hold: python3 ${holder.pid} held RESERVED`));
    assert.match(run.stdout, /Limits:/);
  });

  describe('bad input: one sentence, exit 2, nothing written', () => {
    const cases: [string, (folder: string, file: string) => string[], RegExp][] = [
      ['a missing file', (folder) => [join(folder, 'missing.db')], /missing\.db/],
      ['not a database', (folder) => [writeText(folder)], /notes\.txt.*not an SQLite database/i],
      [
        '--interval 0',
        (_, file) => [file, '--interval', '0'],
        /--interval must be a whole number of ms from 1 to 10000, not "0"/,
      ],
      ['--interval abc', (_, file) => [file, '--interval', 'abc'], /--interval must be/],
      ['--for 5x', (_, file) => [file, '--for', '5x'], /--for must be a duration like 30s, 5m, 1h/],
      ['--for 0', (_, file) => [file, '--for', '0'], /--for must be a duration/],
      ['--for 2d', (_, file) => [file, '--for', '25h'], /at most 24h/],
      ['two files', (_, file) => [file, file], /record takes exactly one database file/],
    ];
    for (const [name, args, message] of cases) {
      test(name, async (t) => {
        const folder = tempFolderFor(t);
        const file = makeItemsDatabase(folder, 'delete');
        const html = join(folder, 'out.html');
        const run = await runCli(['record', ...args(folder, file), '--html', html]);
        assert.equal(run.code, 2, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, message);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
        assert.equal(existsSync(html), false);
      });
    }
  });
});

function writeText(folder: string): string {
  const file = join(folder, 'notes.txt');
  writeFileSync(file, 'these are notes, not a database\n'.repeat(10));
  return file;
}
