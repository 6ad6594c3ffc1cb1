// The per-session analysis (src/engine/probe/analyzeSessions.ts and what it uses), case by case, on
// synthetic timelines: waits, outcomes, counts, lane spans, and the bounds that keep a result at the
// documented limits usable.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeSessions } from '../src/engine/probe/analyzeSessions';
import { maxSpansPerSession, spanBuckets } from '../src/engine/probe/coarseSpans';
import { LockCoverage } from '../src/engine/probe/lockCoverage';
import type { LockSpan, LockState, SessionResult, TimelineEvent } from '../src/engine/probe/probeTypes';
import { keptEventsPerSession, SessionLog } from '../src/engine/probe/sessionLog';
import { burstScripts, scripts, seedScripts, type SessionScript } from './support/timelineFixtures';

function analyze(journalMode: string, sessions: SessionScript[]): SessionResult[] {
  return analyzeSessions(
    sessions.map((session) => SessionLog.of(session.name, session.events)),
    journalMode === 'wal' ? 'wal' : 'rollback',
  );
}

function eventAt(script: SessionScript, kind: TimelineEvent['kind'], nth = 0): TimelineEvent {
  const found = script.events.filter((event) => event.kind === kind)[nth];
  assert.ok(found, `${script.name} has a ${kind} event #${nth}`);
  return found;
}

function assertOrderedAndDisjoint(spans: LockSpan[]): void {
  for (let index = 0; index < spans.length; index++) {
    assert.ok(spans[index].toUs > spans[index].fromUs, `span ${index} is not empty`);
    if (index > 0) {
      assert.ok(spans[index].fromUs >= spans[index - 1].toUs, `span ${index} overlaps the one before`);
    }
  }
}

describe('waits', () => {
  test('a statement waits exactly while another session holds a conflicting lock', () => {
    const sessions = seedScripts({ model: 'threads', journalMode: 'delete' });
    const [a, b] = sessions;
    const [resultA, resultB] = analyze('delete', sessions);
    const aWrite = eventAt(a, 'sent', 1);
    const bCommitted = eventAt(b, 'commit');
    // B holds RESERVED, then PENDING while it commits: both keep A from RESERVED until B's commit.
    assert.equal(resultA.waitedMs, (bCommitted.tUs - aWrite.tUs) / 1000);
    assert.equal(resultB.waitedMs, 0);
    assert.deepEqual(Object.keys(resultA.longestWaitMs), ['RESERVED']);
  });

  test('in WAL a reader never makes a writer wait, however long the write takes', () => {
    const config = { journalMode: 'wal' };
    const [reader, writer] = scripts(config, 'reader', 'writer');
    reader.run('begin').run('read').at(50_000).run('commit').end();
    writer.at(1_000).run('begin').run('write', { tookUs: 30_000 }).run('commit').end();
    const [, result] = analyze('wal', [reader, writer]);
    assert.equal(result.waitedMs, 0);
  });

  test('only the part of the statement during which the other session held the lock counts', () => {
    const config = { journalMode: 'wal' };
    const [holder, waiter] = scripts(config, 'holder', 'waiter');
    holder.run('begin', { mode: 'immediate', tookUs: 1_000 }).run('write').at(10_000).run('commit').end();
    waiter.at(4_000).run('begin', { mode: 'immediate', tookUs: 20_000 }).run('commit').end();
    const [, result] = analyze('wal', [holder, waiter]);
    const held = eventAt(holder, 'commit').tUs - 4_000;
    assert.equal(result.waitedMs, held / 1000);
  });

  test('a statement that asks for no new lock never waits', () => {
    const config = { journalMode: 'delete' };
    const [writer, reader] = scripts(config, 'writer', 'reader');
    writer.run('begin', { mode: 'exclusive' }).at(20_000).run('commit').end();
    // A deferred BEGIN takes nothing, so the EXCLUSIVE writer cannot make it wait.
    reader.at(1_000).run('begin', { tookUs: 5_000 }).run('rollback').end();
    const [, result] = analyze('delete', [writer, reader]);
    assert.equal(result.waitedMs, 0);
  });
});

describe('LockCoverage', () => {
  /** The plain definition: the union of other sessions' conflicting stretches, clipped to the statement. */
  function referenceCovered(
    fromUs: number,
    toUs: number,
    stretches: { fromUs: number; toUs: number }[],
  ): number {
    let covered = 0;
    for (let t = fromUs; t < toUs; t++) {
      covered += stretches.some((stretch) => stretch.fromUs <= t && t < stretch.toUs) ? 1 : 0;
    }
    return covered;
  }

  test('agrees with the plain definition on random overlapping writers', () => {
    let state = 11;
    const random = (below: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((state / 2 ** 31) * below);
    };
    const logs: SessionLog[] = [];
    const held: { session: number; fromUs: number; toUs: number }[] = [];
    for (let session = 0; session < 5; session++) {
      const events: TimelineEvent[] = [{ tUs: 0, kind: 'start', lock: 'none' }];
      let t = random(50);
      for (let stretch = 0; stretch < 8; stretch++) {
        const lock: LockState = random(2) === 0 ? 'WAL_WRITE' : 'WAL_READ';
        const toUs = t + 1 + random(40);
        events.push({ tUs: t, kind: 'returned', lock });
        if (lock === 'WAL_WRITE') {
          held.push({ session, fromUs: t, toUs });
        }
        events.push({ tUs: toUs, kind: 'returned', lock: 'none' });
        t = toUs + random(30);
      }
      logs.push(SessionLog.of(`s${session}`, events));
    }
    const endUs = Math.max(...held.map((stretch) => stretch.toUs));
    const coverage = new LockCoverage(logs, 'wal', endUs);
    let checked = 0;
    for (let query = 0; query < 400; query++) {
      const session = random(5);
      const fromUs = random(endUs);
      const toUs = fromUs + 1 + random(120);
      const mine = held.filter((s) => s.session === session && s.fromUs < toUs && fromUs < s.toUs);
      // As in a real statement, the asking session holds one lock throughout: inside one of its own
      // stretches, or outside all of them.
      const own = mine.find((s) => s.fromUs <= fromUs && toUs <= s.toUs);
      if (mine.length > 0 && !own) {
        continue;
      }
      checked++;
      assert.equal(
        coverage.otherHoldersUs(fromUs, toUs, 'WAL_WRITE', own ? 'WAL_WRITE' : 'none'),
        referenceCovered(
          fromUs,
          toUs,
          held.filter((s) => s.session !== session),
        ),
        `query ${query}: session ${session}, ${fromUs}-${toUs}`,
      );
    }
    assert.ok(checked > 100, `${checked} queries checked`);
  });
});

describe('outcomes and counts', () => {
  test('committed: rows count when their transaction commits', () => {
    const [session] = scripts({ journalMode: 'wal' }, 'one');
    session.run('begin').run('write').run('write').run('commit').end();
    const [result] = analyze('wal', [session]);
    assert.equal(result.outcome, 'committed');
    assert.deepEqual(result.rows, { attempted: 2, committed: 2 });
    assert.deepEqual(result.transactions, { attempted: 1, committed: 1, failed: 0 });
    assert.equal(result.outcomeAtMs, eventAt(session, 'commit').tUs / 1000);
  });

  test('an autocommit INSERT is committed when it returns', () => {
    const [session] = scripts({ journalMode: 'delete' }, 'one');
    session.run('write').end();
    const [result] = analyze('delete', [session]);
    assert.deepEqual(result.rows, { attempted: 1, committed: 1 });
    assert.deepEqual(result.transactions, { attempted: 0, committed: 0, failed: 0 });
  });

  test('failed: the first error is the session’s error; rows of the failed transaction are lost', () => {
    const [session] = scripts({ journalMode: 'wal' }, 'one');
    session.run('begin').run('write').fail('commit', 'SQLITE_BUSY', { tookUs: 700 });
    session.nextIteration().run('begin').fail('write', 'SQLITE_BUSY_SNAPSHOT').end();
    const [result] = analyze('wal', [session]);
    assert.equal(result.outcome, 'failed');
    assert.equal(result.error?.code, 'SQLITE_BUSY');
    assert.equal(result.error?.errno, 5);
    assert.equal(result.error?.elapsedMs, 0.7);
    assert.equal(result.error?.atMs, eventAt(session, 'error').tUs / 1000);
    assert.equal(result.outcomeAtMs, result.error?.atMs);
    assert.deepEqual(result.rows, { attempted: 2, committed: 0 });
    assert.deepEqual(result.transactions, { attempted: 2, committed: 0, failed: 2 });
  });

  test('rolled back: a schedule that ends in ROLLBACK without an error', () => {
    const [session] = scripts({ journalMode: 'delete' }, 'one');
    session.run('begin').run('write').run('rollback').end();
    const [result] = analyze('delete', [session]);
    assert.equal(result.outcome, 'rolledback');
    assert.deepEqual(result.rows, { attempted: 1, committed: 0 });
    assert.equal(result.outcomeAtMs, eventAt(session, 'rollback').tUs / 1000);
  });
});

describe('lane spans', () => {
  test('held locks are one span per stretch; a statement that waited 1 ms or more is a wait', () => {
    const sessions = seedScripts({ model: 'threads', journalMode: 'delete' });
    const [a, b] = analyze('delete', sessions);
    assertOrderedAndDisjoint(a.spans);
    assertOrderedAndDisjoint(b.spans);
    const wait = a.spans.find((span) => span.waitingFor !== undefined);
    assert.deepEqual(wait, {
      fromUs: eventAt(sessions[0], 'sent', 1).tUs,
      toUs: eventAt(sessions[0], 'returned').tUs,
      lock: 'none',
      waitingFor: 'RESERVED',
    });
    assert.deepEqual(
      b.spans.map((span) => span.lock),
      ['RESERVED', 'PENDING'],
    );
  });

  test('a wait shorter than 1 ms is drawn as holding', () => {
    const config = { journalMode: 'wal' };
    const [holder, waiter] = scripts(config, 'holder', 'waiter');
    holder.run('begin', { mode: 'immediate' }).run('write').at(900).run('commit').end();
    waiter.at(200).run('begin', { mode: 'immediate', tookUs: 800 }).run('commit').end();
    const [, result] = analyze('wal', [holder, waiter]);
    assert.ok(result.waitedMs > 0);
    assert.ok(result.spans.every((span) => span.waitingFor === undefined));
  });
});

describe('bounds at the documented limits', () => {
  test('events: the first ones listed, every one counted, each error code’s witnesses kept', () => {
    const sessions = burstScripts(3, 400, 37);
    const results = analyze('wal', sessions);
    for (const [index, result] of results.entries()) {
      const script = sessions[index];
      assert.equal(result.eventCount, script.events.length);
      assert.ok(result.events.length < script.events.length);
      for (let i = 0; i < keptEventsPerSession; i++) {
        assert.equal(result.events[i].tUs, script.events[i].tUs, `event ${i} is listed in order`);
      }
      const errors = script.events.filter((event) => event.kind === 'error');
      const listedErrors = result.events.filter((event) => event.kind === 'error');
      assert.ok(listedErrors.length <= errors.length);
      assert.ok(
        listedErrors.some((event) => event.tUs === errors[0].tUs),
        'the first error is listed',
      );
      assert.equal(result.transactions.failed, errors.length);
    }
  });

  test(`spans: above ${maxSpansPerSession} a lane is bucketed, ordered and bounded`, () => {
    const sessions = burstScripts(2, maxSpansPerSession + 200);
    const [first] = analyze('wal', sessions);
    assert.ok(first.spanResolutionUs !== undefined && first.spanResolutionUs > 0);
    assert.ok(first.spans.length <= spanBuckets);
    assertOrderedAndDisjoint(first.spans);
    const small = analyze('wal', burstScripts(2, 20))[0];
    assert.equal(small.spanResolutionUs, undefined);
  });
});
