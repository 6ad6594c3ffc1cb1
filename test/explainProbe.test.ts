// One test per verdict rule of src/engine/probe/explainProbe.ts, on synthetic timelines: the scenario is
// written here, the verdict is the engine's. Tests check which fixes a rule brings and that its
// explanation names the evidence (sessions, codes, timeouts), not the wording.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FixKind, ProbeResult } from '../src/engine/probe/probeTypes';
import { keptEventsPerSession } from '../src/engine/probe/sessionLog';
import { fixtureResult, scripts, seedScripts, type FixtureConfig } from './support/timelineFixtures';

const kinds = (result: ProbeResult): FixKind[] => result.verdict.fixes.map((fix) => fix.kind);

function explanationsNaming(result: ProbeResult, ...words: string[]): string[] {
  return result.verdict.explanation.filter((line) => words.every((word) => line.includes(word)));
}

/** `reader` holds the read lock in a deferred transaction; `writer` commits; then `reader` writes. */
function staleSnapshot(config: FixtureConfig): ProbeResult {
  const [reader, writer] = scripts(config, 'reader', 'writer');
  reader.run('begin').run('read', { tookUs: 30 });
  writer.at(1_000).run('begin', { mode: 'immediate' }).run('write').run('commit').end();
  reader.at(5_000).fail('write', 'SQLITE_BUSY_SNAPSHOT', { tookUs: 40 }).end();
  return fixtureResult(config, [reader, writer]);
}

/** Rollback mode: `early` reads, `writer` takes RESERVED; `early`'s write fails after `failUs`. */
function upgradeAgainstWriter(config: FixtureConfig, failUs: number): ProbeResult {
  const [early, writer] = scripts(config, 'early', 'writer');
  early.run('begin').run('read', { tookUs: 30 });
  writer.at(1_000).run('begin', { mode: 'immediate' }).run('write');
  early.at(2_000).fail('write', 'SQLITE_BUSY', { tookUs: failUs }).end();
  writer
    .at(early.events.at(-1)!.tUs + 10)
    .run('commit')
    .end();
  return fixtureResult(config, [early, writer]);
}

/** `holder` keeps the write lock for 2 s; `waiter` asks for it at 100 ms and gives up after the timeout. */
function timeoutRunsOut(config: FixtureConfig): ProbeResult {
  const [holder, waiter] = scripts(config, 'holder', 'waiter');
  const timeoutUs = (config.busyTimeoutMs ?? 5000) * 1000;
  holder.run('begin', { mode: 'immediate' }).run('write');
  waiter.at(100_000).fail('begin', 'SQLITE_BUSY', { tookUs: timeoutUs, mode: 'immediate' }).end();
  holder.at(2_000_000).run('commit').end();
  return fixtureResult(config, [holder, waiter]);
}

describe('rule: a wait on the one event loop (blocking model, timeout exhausted)', () => {
  test('the sync-driver-in-async-handler finding: move calls off the event loop, shorten transactions', () => {
    const config = { model: 'blocking', journalMode: 'delete', busyTimeoutMs: 5000 } as const;
    const result = fixtureResult(config, seedScripts(config));
    assert.deepEqual(kinds(result), ['off-event-loop', 'shorter-transactions']);
    assert.equal(explanationsNaming(result, 'A', '5000 ms').length, 1);
    assert.ok(result.verdict.summary.includes('SQLITE_BUSY'));
  });

  test('the same timeline in the threads model is the plain timeout rule instead', () => {
    const config = { model: 'threads', journalMode: 'delete', busyTimeoutMs: 500 } as const;
    const result = timeoutRunsOut(config);
    assert.ok(!kinds(result).includes('off-event-loop'));
  });
});

describe('rule: SQLITE_BUSY_SNAPSHOT', () => {
  test('a stale WAL snapshot: take the write lock at BEGIN', () => {
    const result = staleSnapshot({ journalMode: 'wal' });
    assert.deepEqual(kinds(result), ['begin-immediate']);
    assert.equal(explanationsNaming(result, 'reader', 'SQLITE_BUSY_SNAPSHOT').length, 1);
  });
});

describe('rule: a deferred upgrade that fails at once', () => {
  test('SQLITE_BUSY well inside the busy timeout: BEGIN IMMEDIATE, with the time it took', () => {
    const result = upgradeAgainstWriter({ journalMode: 'delete', busyTimeoutMs: 5000 }, 120);
    assert.deepEqual(kinds(result), ['begin-immediate']);
    assert.equal(explanationsNaming(result, 'early', 'SQLITE_BUSY', '0.12 ms', '5000 ms').length, 1);
  });

  test('with a busy timeout of 0 every busy error is immediate: set a busy timeout instead', () => {
    const result = upgradeAgainstWriter({ journalMode: 'delete', busyTimeoutMs: 0 }, 120);
    assert.deepEqual(kinds(result), ['busy-timeout']);
    assert.equal(explanationsNaming(result, '0 ms').length, 1);
  });
});

describe('rule: the busy timeout ran out (sessions on their own threads or processes)', () => {
  test('rollback journal: shorter transactions, then WAL', () => {
    const result = timeoutRunsOut({ model: 'threads', journalMode: 'delete', busyTimeoutMs: 500 });
    assert.deepEqual(kinds(result), ['shorter-transactions', 'wal']);
    assert.equal(explanationsNaming(result, 'waiter', '500 ms').length, 1);
  });

  test('WAL: shorter transactions only (WAL is already on)', () => {
    const result = timeoutRunsOut({ model: 'processes', journalMode: 'wal', busyTimeoutMs: 500 });
    assert.deepEqual(kinds(result), ['shorter-transactions']);
  });

  test('an error at 80 % of the timeout is not "the whole timeout"', () => {
    const config = { model: 'threads', journalMode: 'delete', busyTimeoutMs: 500 } as const;
    const [holder, waiter] = scripts(config, 'holder', 'waiter');
    holder.run('begin', { mode: 'immediate' }).run('write');
    waiter.at(100_000).fail('begin', 'SQLITE_BUSY', { tookUs: 400_000, mode: 'immediate' }).end();
    holder.at(2_000_000).run('commit').end();
    const result = fixtureResult(config, [holder, waiter]);
    assert.ok(!kinds(result).includes('shorter-transactions'));
  });
});

describe('rule: a rollback-mode writer waited for readers', () => {
  /** `reader` holds SHARED until `readerDoneUs`; `writer` commits at 1 ms and waits for it. */
  function writerBehindReader(journalMode: string, readerDoneUs: number): ProbeResult {
    const config = { journalMode };
    const [reader, writer] = scripts(config, 'reader', 'writer');
    reader.run('begin').run('read');
    writer.at(500).run('begin', { mode: 'immediate' }).run('write').at(1_000);
    writer.run('commit', { tookUs: readerDoneUs - 1_000 + 100 }).end();
    reader.at(readerDoneUs).run('commit').end();
    return fixtureResult(config, [reader, writer]);
  }

  test('a commit that waited 5 ms for a reader: switch to WAL', () => {
    const result = writerBehindReader('delete', 6_000);
    assert.ok(result.sessions[1].longestWaitMs.EXCLUSIVE! >= 1);
    assert.deepEqual(kinds(result), ['wal']);
  });

  test('a wait shorter than SQLite’s first busy sleep (1 ms) is not evidence', () => {
    const result = writerBehindReader('delete', 1_500);
    assert.deepEqual(kinds(result), ['none']);
  });
});

describe('no failures', () => {
  test('nothing to fix; the longest wait is named when a session waited at least 1 ms', () => {
    const config = { model: 'threads', journalMode: 'delete' } as const;
    const result = fixtureResult(config, seedScripts(config));
    assert.deepEqual(kinds(result), ['none']);
    assert.ok(result.verdict.summary.includes(`${result.sessions.length}`));
    assert.equal(explanationsNaming(result, 'A', '5000 ms').length, 1);
  });

  test('without waits there is no explanation at all', () => {
    const config = { journalMode: 'wal' };
    const [one, two] = scripts(config, 'one', 'two');
    one.run('begin', { mode: 'immediate' }).run('write').run('commit').end();
    two.at(10_000).run('begin', { mode: 'immediate' }).run('write').run('commit').end();
    const result = fixtureResult(config, [one, two]);
    assert.deepEqual(result.verdict.explanation, []);
    assert.deepEqual(kinds(result), ['none']);
  });
});

describe('how findings combine', () => {
  test('two rules asking for the same fix list it once', () => {
    const config = { journalMode: 'wal', busyTimeoutMs: 5000 };
    const [reader, writer, early] = scripts(config, 'reader', 'writer', 'early');
    reader.run('begin').run('read', { tookUs: 30 });
    early.run('begin').run('read', { tookUs: 30 });
    writer.at(1_000).run('begin', { mode: 'immediate' }).run('write');
    early.at(1_500).fail('write', 'SQLITE_BUSY', { tookUs: 80 }).end();
    writer.at(2_000).run('commit').end();
    reader.at(5_000).fail('write', 'SQLITE_BUSY_SNAPSHOT', { tookUs: 40 }).end();
    const result = fixtureResult(config, [reader, writer, early]);
    assert.equal(result.verdict.explanation.length, 2);
    assert.deepEqual(kinds(result), ['begin-immediate']);
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']) {
      assert.ok(result.verdict.summary.includes(code), code);
    }
  });

  test('many failing sessions: the explanation names three and counts the rest', () => {
    const config = { journalMode: 'wal' };
    const names = ['s1', 's2', 's3', 's4', 's5'];
    const sessions = scripts(config, 'writer', ...names);
    const [writer, ...readers] = sessions;
    readers.forEach((reader) => reader.run('begin').run('read'));
    writer.at(1_000).run('begin', { mode: 'immediate' }).run('write').run('commit').end();
    readers.forEach((reader) => reader.at(5_000).fail('write', 'SQLITE_BUSY_SNAPSHOT').end());
    const [line] = explanationsNaming(fixtureResult(config, sessions), 's1', 's2', 's3');
    assert.ok(line, 'one explanation names the first three');
    assert.ok(!line.includes('s4') && !line.includes('s5'));
    assert.match(line, /\b2\b/);
  });
});

describe('a summarised result keeps the evidence', () => {
  test('an error far beyond the listed events still drives the verdict', () => {
    const config = { model: 'processes', journalMode: 'wal', busyTimeoutMs: 5000 } as const;
    const [busy, quiet] = scripts(config, 'busy', 'quiet');
    for (let round = 0; round < keptEventsPerSession; round++) {
      busy.run('begin', { mode: 'immediate' }).run('write').run('commit').nextIteration();
    }
    const lateUs = busy.events.at(-1)!.tUs + 1_000;
    busy.at(lateUs).run('begin').run('read');
    quiet
      .at(lateUs + 500)
      .run('begin', { mode: 'immediate' })
      .run('write')
      .run('commit')
      .end();
    busy
      .at(lateUs + 2_000)
      .fail('write', 'SQLITE_BUSY_SNAPSHOT')
      .end();
    const result = fixtureResult(config, [busy, quiet]);
    assert.equal(result.summarised, true);
    assert.ok(result.sessions[0].eventCount > result.sessions[0].events.length);
    assert.deepEqual(kinds(result), ['begin-immediate']);
    assert.equal(result.errorCounts.SQLITE_BUSY_SNAPSHOT, 1);
  });
});
