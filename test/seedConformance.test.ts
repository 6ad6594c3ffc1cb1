// The seed preset must give what the real FastAPI app gives (docs/sqlite-locking.md, the seed scenario):
// blocking: A fails with SQLITE_BUSY after about 5.5 s and B commits at about 5.5 s, one row;
// threads and processes: both commit at about 1.1 s, two rows; the same in DELETE and WAL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runMatrix, type MatrixCell } from '../src/engine/probe/runMatrix';
import { outcomeAtMs } from '../src/report/resultTables';
import type { ProbeResult, SessionResult, TimelineEvent } from '../src/engine/probe/probeTypes';
import { makeItemsDatabase, makeTempFolder, type TempFolder } from './support/tempDatabase';

// Timers fire late on a loaded 2-core machine, never early: every step waits for its time after the
// shared time zero. Ten processes starting may delay any of them by a second or more.
const early = 5;
const late = 1500;

function assertNear(actual: number | undefined, expected: number, what: string): void {
  assert.ok(
    actual !== undefined && actual >= expected - early && actual <= expected + late,
    `${what}: ${actual} ms, expected about ${expected} ms`,
  );
}

function eventOf(
  session: SessionResult,
  kind: TimelineEvent['kind'],
  op: TimelineEvent['op'],
): TimelineEvent {
  const found = session.events.find((event) => event.kind === kind && event.op === op);
  assert.ok(found, `${session.name}: ${kind} ${op}`);
  return found;
}

function session(result: ProbeResult, name: string) {
  const found = result.sessions.find((candidate) => candidate.name === name);
  assert.ok(found, `session ${name}`);
  return found;
}

describe('seed preset, busy timeout 5000 ms, all models x journal modes', () => {
  let folder: TempFolder;
  let cells: MatrixCell[];
  let wallMs: number;

  before(async () => {
    folder = makeTempFolder();
    const database = makeItemsDatabase(folder.path);
    const started = Date.now();
    cells = await runMatrix({ database, preset: 'seed', busyTimeoutMs: 5000 });
    wallMs = Date.now() - started;
  });
  after(() => folder.remove());

  test('every configuration ran, in the journal mode asked for', () => {
    assert.equal(cells.length, 6);
    for (const cell of cells) {
      assert.equal(cell.error, undefined, `${cell.model}/${cell.journal}: ${cell.error}`);
      assert.equal(cell.result?.config.journalMode, cell.journal);
    }
  });

  for (const journal of ['delete', 'wal'] as const) {
    test(`blocking, ${journal}: A fails with SQLITE_BUSY at about 5.5 s, B commits at about 5.5 s, one row`, () => {
      const result = cells.find((cell) => cell.model === 'blocking' && cell.journal === journal)?.result;
      assert.ok(result);
      const a = session(result, 'A');
      const b = session(result, 'B');
      assert.equal(a.outcome, 'failed');
      assert.equal(a.error?.code, 'SQLITE_BUSY');
      assert.equal(a.error?.errno, 5);
      assertNear(a.error?.atMs, 5500, 'A failed at');
      assertNear(a.error?.elapsedMs, 5000, 'A waited before failing');
      assert.equal(b.outcome, 'committed');
      assertNear(outcomeAtMs(b), 5500, 'B committed at');
      assert.ok((outcomeAtMs(b) ?? 0) >= (a.error?.atMs ?? Infinity), 'B commits only after A gave up');
      assert.deepEqual(result.errorCounts, { SQLITE_BUSY: 1 });
      assert.deepEqual(result.rows, { attempted: 2, committed: 1, found: 1 });
      assert.ok(result.verdict.fixes.some((fix) => fix.kind === 'off-event-loop'));
      assert.ok(
        a.spans.some((span) => span.waitingFor !== undefined),
        'A is drawn waiting',
      );
    });

    for (const model of ['threads', 'processes'] as const) {
      test(`${model}, ${journal}: both commit at about 1.1 s, two rows`, () => {
        const result = cells.find((cell) => cell.model === model && cell.journal === journal)?.result;
        assert.ok(result);
        const a = session(result, 'A');
        const b = session(result, 'B');
        assert.equal(a.outcome, 'committed');
        assert.equal(b.outcome, 'committed');
        assertNear(outcomeAtMs(a), 1100, 'A committed at');
        assertNear(outcomeAtMs(b), 1100, 'B committed at');
        assert.deepEqual(result.errorCounts, {});
        assert.deepEqual(result.rows, { attempted: 2, committed: 2, found: 2 });
        // A's INSERT (planned at 500 ms) was sent while B held its write lock (100 ms to 1100 ms), and
        // returned only once B had committed: the wait is the order of events, however late timers fired.
        const aWrite = eventOf(a, 'sent', 'write');
        const aWritten = eventOf(a, 'returned', 'write');
        const bCommitted = eventOf(b, 'commit', 'commit');
        assert.ok(aWrite.tUs < bCommitted.tUs, 'A wrote while B held its lock');
        assert.ok(aWritten.tUs >= bCommitted.tUs, 'A’s INSERT returned after B’s commit');
        assert.ok(
          a.waitedMs > 0 && a.waitedMs <= (aWritten.tUs - aWrite.tUs) / 1000,
          `A waited ${a.waitedMs} ms`,
        );
        const starts = result.sessions.map((s) => s.events.find((event) => event.kind === 'start'));
        if (model === 'processes') {
          assert.notEqual(starts[0]?.pid, starts[1]?.pid, 'each session its own process');
        } else {
          assert.notEqual(starts[0]?.threadId, starts[1]?.threadId, 'each session its own thread');
        }
      });
    }
  }

  test('the configurations ran side by side, not one after another', () => {
    // One after another, the matrix could not take less than the sum of the runs' own durations; side
    // by side it takes about the slowest (5.5 s of 15 s), so start-up under load has seconds to spare.
    const sum = cells.reduce((total, cell) => total + (cell.result?.durationMs ?? 0), 0);
    const slowest = cells.reduce((longest, cell) => Math.max(longest, cell.result?.durationMs ?? 0), 0);
    assert.ok(wallMs < sum, `matrix took ${wallMs} ms; the configurations add up to ${Math.round(sum)} ms`);
    assert.ok(wallMs >= slowest);
  });
});
