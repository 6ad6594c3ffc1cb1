// Generated /proc text: /proc/locks lines, /proc/PID/stat lines and /proc/PID/maps lines written from
// fields and read back, arbitrary text and mutations of this machine's own /proc files; and the lock
// decoder on generated lock tables. Only the project's own errors may come out (these parsers throw none).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { processStateCodes } from './support/arbitraries/procText';
import { parseProcessState } from '../src/engine/holders/processState';
import { mappedFiles, sqliteCandidates } from '../src/engine/holders/sqliteBuild/mappedSqliteFiles';
import { compareHolders, decodeLockHolders } from '../src/engine/locks/decodeLockHolders';
import { lockStates } from '../src/engine/locks/lockStates';
import { parseProcLocks, type ProcLockEntry } from '../src/engine/locks/procLocks';
import { commandLineLimit, readableCommandLine } from '../src/engine/locks/processNames';
import {
  lockLineFields,
  mapsLineFields,
  mutatedText,
  statLineFields,
  writeLockLine,
  writeMapsLine,
  writeProcLocks,
  writeStatLine,
} from './support/arbitraries/procText';
import { parsedOrProjectError } from './support/arbitraries/projectErrors';
import { recordSafetyCases } from './support/safetyTally';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

const anyText = fc.string({ unit: 'binary', maxLength: 300 });
// This machine's own files as samples (a line of a busy /proc/locks stands in when it is empty).
const realLocks =
  fs.readFileSync('/proc/locks', 'utf8') ||
  '1: POSIX  ADVISORY  WRITE 27297 fe:00:4358276 1073741824 1073742335\n';
const realStat = fs.readFileSync('/proc/self/stat', 'utf8');
const realMaps = fs.readFileSync('/proc/self/maps', 'utf8').split('\n').slice(0, 40).join('\n');

test('/proc/locks lines written from fields read back as the same fields', () => {
  fc.assert(
    fc.property(fc.array(lockLineFields, { minLength: 1, maxLength: 12 }), (lines) => {
      const parsed = parseProcLocks(writeProcLocks(lines));
      assert.deepEqual(
        parsed,
        lines.map((fields) => ({ ...fields })),
      );
    }),
    runs(2000),
  );
});

test('/proc/locks filtered by inode keeps exactly the lines on those inodes', () => {
  fc.assert(
    fc.property(fc.array(lockLineFields, { minLength: 1, maxLength: 12 }), fc.nat(), (lines, pick) => {
      const inode = lines[pick % lines.length].inode;
      const parsed = parseProcLocks(writeProcLocks(lines), [inode]);
      assert.deepEqual(
        parsed,
        lines.filter((fields) => fields.inode === inode),
      );
    }),
    runs(1000),
  );
});

test('arbitrary text and mutated /proc/locks parse without an exception, to well-formed entries', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        anyText,
        mutatedText(realLocks),
        lockLineFields.chain((fields) => mutatedText(writeLockLine(fields, 1))),
      ),
      (text) => {
        const parsed = parsedOrProjectError(() => parseProcLocks(text));
        assert.ok(Array.isArray(parsed));
        for (const entry of parsed) {
          assert.ok(entry.access === 'READ' || entry.access === 'WRITE');
          assert.ok(Number.isInteger(entry.pid) && Number.isInteger(entry.start));
          assert.ok(entry.end === null || Number.isInteger(entry.end));
        }
      },
    ),
    runs(3000),
  );
});

const journalMode = fc.constantFrom('wal' as const, 'delete' as const);
const lockNames = new Set<string>(lockStates.map((state) => state.name));

function entriesFrom(
  lines: readonly (typeof lockLineFields extends fc.Arbitrary<infer T> ? T : never)[],
): ProcLockEntry[] {
  return parseProcLocks(writeProcLocks(lines));
}

test('the lock decoder names a known lock state for every holder, whatever the lock table', () => {
  // Few PIDs and inodes, so lines on one file from one process meet often.
  const tableLine = lockLineFields.map((fields) => ({ ...fields, pid: (fields.pid % 4) + 1, inode: 7n }));
  fc.assert(
    fc.property(
      fc.array(tableLine, { maxLength: 16 }),
      fc.array(tableLine, { maxLength: 16 }),
      journalMode,
      fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }),
      (dbLines, shmLines, mode, openPids) => {
        const db = entriesFrom(dbLines);
        const shm = entriesFrom(shmLines);
        const holders = parsedOrProjectError(() => decodeLockHolders(db, shm, mode, openPids));
        assert.ok(Array.isArray(holders));
        const linePids = new Set([...db, ...shm].map((entry) => entry.pid));
        for (const holder of holders) {
          assert.ok(lockNames.has(holder.lock), holder.lock);
          assert.ok(linePids.has(holder.pid) || openPids.includes(holder.pid));
          assert.notEqual(holder.meaning, '');
        }
        for (const pid of openPids) {
          assert.ok(
            holders.some((holder) => holder.pid === pid),
            `open PID ${pid} is listed`,
          );
        }
        for (let index = 1; index < holders.length; index++) {
          assert.ok(compareHolders(holders[index - 1], holders[index]) <= 0, 'sorted');
        }
        // The same table in another order decodes the same.
        assert.deepEqual(decodeLockHolders([...db].reverse(), [...shm].reverse(), mode, openPids), holders);
      },
    ),
    runs(2000),
  );
});

test('a POSIX and an OFD waiter of one PID list in the same order whatever /proc/locks order (found by generated tables)', () => {
  const text = [
    '1: -> POSIX  ADVISORY  READ  0 00:00:7 1073741824 EOF',
    '2: -> OFDLCK ADVISORY  READ  0 00:00:7 1073741824 EOF',
  ];
  const forward = decodeLockHolders(parseProcLocks(text.join('\n')), [], 'wal');
  const backward = decodeLockHolders(parseProcLocks([...text].reverse().join('\n')), [], 'wal');
  assert.deepEqual(backward, forward);
  assert.deepEqual(
    forward.map((holder) => holder.openFileDescription ?? false),
    [false, true],
  );
});

test('/proc/PID/stat lines written from fields give back the state, whatever the command name', () => {
  fc.assert(
    fc.property(statLineFields, (fields) => {
      const state = parseProcessState(writeStatLine(fields));
      assert.equal(state?.code, fields.state);
    }),
    runs(3000),
  );
});

test('arbitrary and mutated /proc/PID/stat text parses without an exception', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, mutatedText(realStat)), (text) => {
      const state = parsedOrProjectError(() => parseProcessState(text));
      if (state !== null) {
        assert.ok(typeof state === 'object' && 'code' in state);
        assert.equal([...state.code].length, 1);
        assert.equal(state.stuck, ['T', 't', 'Z'].includes(state.code));
        if (!(processStateCodes as readonly string[]).includes(state.code)) {
          assert.equal(state.name, 'unknown');
        }
      }
    }),
    runs(3000),
  );
});

test('/proc/PID/maps lines written from fields give back the mapped files in first-mapped order', () => {
  fc.assert(
    fc.property(fc.array(mapsLineFields, { maxLength: 20 }), (lines) => {
      const expected = [
        ...new Set(
          lines
            .filter((fields) => fields.pathname.startsWith('/') && fields.inode !== 0 && !fields.deleted)
            .map((fields) => fields.pathname),
        ),
      ];
      // A path that itself ends in " (deleted)" cannot be told from a deleted file: the kernel's ambiguity.
      const text = lines.map(writeMapsLine).join('\n');
      assert.deepEqual(
        mappedFiles(text),
        expected.filter((file) => !file.endsWith(' (deleted)')),
      );
      const candidates = sqliteCandidates(text);
      assert.ok(candidates.every((file) => expected.includes(file)));
    }),
    runs(2000),
  );
});

test('arbitrary and mutated /proc/PID/maps text parses without an exception', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, mutatedText(realMaps)), (text) => {
      const files = parsedOrProjectError(() => sqliteCandidates(text));
      assert.ok(Array.isArray(files));
      assert.ok(files.every((file) => typeof file === 'string' && file.startsWith('/')));
    }),
    runs(2000),
  );
});

test('a command line from /proc/PID/cmdline is one line of printable text within the limit', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
      const line = readableCommandLine(raw);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(line, /[\u0000-\u001f\u007f]/);
      assert.ok(line.length <= commandLineLimit);
      assert.equal(line, line.trim());
    }),
    runs(3000),
  );
});

test.after(() => {
  recordSafetyCases({
    family: 'property',
    suite: '/proc/locks, stat, maps and cmdline parsers and the lock decoder',
    tried,
  });
});
