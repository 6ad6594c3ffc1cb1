// Bursts that used to end in "Maximum call stack size exceeded" (16 writers x 1000 transactions, 4 x
// 10 000): they complete with every row accounted for, and the result, its JSON, text and HTML stay a
// size a reader can use. The full 64 x 10 000 run, with its time and memory, is in `npm run bench`.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { probeResultSchema, type ProbeResult } from '../src/engine/probe/probeTypes';
import { runProbe } from '../src/engine/probe/runProbe';
import { runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

function assertEveryRowAccountedFor(result: ProbeResult, writers: number, transactions: number): void {
  const sum = (pick: (session: ProbeResult['sessions'][number]) => number) =>
    result.sessions.reduce((total, session) => total + pick(session), 0);
  assert.equal(result.sessions.length, writers);
  assert.equal(result.rows.attempted, writers * transactions);
  assert.equal(
    sum((session) => session.transactions.attempted),
    writers * transactions,
  );
  // One INSERT per transaction: the rows committed are the transactions committed, and all are in the file.
  assert.equal(
    sum((session) => session.transactions.committed),
    result.rows.committed,
  );
  assert.equal(result.rows.found, result.rows.committed);
  assert.ok(result.rows.committed > 0);
  const errors = Object.values(result.errorCounts).reduce((total, count) => total + count, 0);
  assert.equal(
    sum((session) => session.transactions.failed),
    errors,
  );
}

test('16 writers x 1000 transactions in WAL, in processes, through the command line', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder, 'wal');
  const html = join(folder, 'burst.html');
  const run = await runCli([
    'probe',
    database,
    '--preset',
    'burst',
    '--writers',
    '16',
    '--transactions',
    '1000',
    '--model',
    'processes',
    '--json',
    '--html',
    html,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as ProbeResult;
  assert.equal(result.schema, probeResultSchema);
  assertEveryRowAccountedFor(result, 16, 1000);

  // Summarised, and said so: every event counted, a bounded number listed.
  assert.equal(result.summarised, true);
  for (const session of result.sessions) {
    assert.ok(session.eventCount >= 2 + 4 * 1000, `${session.name}: ${session.eventCount} events`);
    assert.ok(session.events.length < session.eventCount);
  }
  const jsonMb = Buffer.byteLength(run.stdout) / 1e6;
  const htmlMb = statSync(html).size / 1e6;
  process.stdout.write(`# 16 x 1000: ${jsonMb.toFixed(2)} MB of JSON, ${htmlMb.toFixed(2)} MB of HTML\n`);
  assert.ok(jsonMb < 8, `${jsonMb} MB of JSON`);
  assert.ok(htmlMb < 2, `${htmlMb} MB of HTML`);
  assert.match(readFileSync(html, 'utf8'), /<p class="note">Summarised: /);
});

test('4 writers x 10 000 transactions in WAL, on one thread', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t), 'wal');
  const result = await runProbe({
    database,
    preset: 'burst',
    presetOptions: { writers: 4, transactions: 10_000 },
    model: 'blocking',
    journal: 'keep',
    busyTimeoutMs: 5000,
    inPlace: false,
  });
  assertEveryRowAccountedFor(result, 4, 10_000);
  // On one thread each session runs its transactions without another in between: nothing fails.
  assert.equal(result.rows.committed, 40_000);
  const lastCommitMs = Math.max(...result.sessions.map((session) => session.outcomeAtMs ?? 0));
  assert.ok(lastCommitMs <= result.durationMs);
  assert.ok(lastCommitMs > result.durationMs / 2, 'the outcome time is the last commit, not a listed one');
});
