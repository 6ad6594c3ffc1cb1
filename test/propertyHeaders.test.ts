// Generated inputs for the 100-byte database header and the 32-byte -wal header: fields written and
// read back, arbitrary bytes, and mutations of headers real SQLite wrote. Only the project's own
// errors may come out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { classifyHeader } from '../src/engine/header/classifyHeader';
import { readDatabaseHeader } from '../src/engine/header/readDatabaseHeader';
import { formatSqliteVersionNumber } from '../src/engine/header/sqliteVersionNumber';
import { parseWalHeader } from '../src/engine/inspect/walHeader';
import { openDatabase } from '../src/engine/sqliteModule';
import { UserInputError } from '../src/engine/userInputError';
import {
  arbitraryBytes,
  mutatedBytes,
  validHeaderFields,
  writeHeader,
} from './support/arbitraries/databaseHeader';
import { isProjectError, parsedOrProjectError } from './support/arbitraries/projectErrors';
import { validWalFields, writeWalHeader } from './support/arbitraries/walHeader';
import { recordSafetyCases } from './support/safetyTally';
import { makeTempFolder } from './support/tempDatabase';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

/** A header and -wal header that better-sqlite3 wrote (read while the connection keeps the WAL). */
function realSamples(): { header: Buffer; wal: Buffer } {
  const folder = makeTempFolder();
  try {
    const file = path.join(folder.path, 'sample.db');
    const db = openDatabase(file);
    try {
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);');
      return {
        header: fs.readFileSync(file).subarray(0, 100),
        wal: fs.readFileSync(`${file}-wal`).subarray(0, 32),
      };
    } finally {
      db.close();
    }
  } finally {
    folder.remove();
  }
}
const samples = realSamples();

test('a header written from valid fields reads back as the same fields', () => {
  fc.assert(
    fc.property(validHeaderFields, fc.integer({ min: 100, max: 2 ** 40 }), (fields, fileSize) => {
      const classified = classifyHeader(writeHeader(fields), fileSize);
      assert.equal(classified.kind, 'database');
      if (classified.kind !== 'database') {
        return;
      }
      const { header } = classified;
      const { pageSize, incrementalVacuum, ...stored } = fields;
      assert.equal(header.pageSize, pageSize);
      for (const [name, value] of Object.entries(stored)) {
        assert.equal(header[name as keyof typeof header], value, name);
      }
      assert.equal(header.incrementalVacuum, incrementalVacuum !== 0);
      assert.equal(
        header.pageCountValid,
        fields.headerPageCount !== 0 && fields.versionValidFor === fields.fileChangeCounter,
      );
      assert.equal(
        header.autoVacuum,
        fields.largestRootPage === 0 ? 'none' : fields.incrementalVacuum !== 0 ? 'incremental' : 'full',
      );
      assert.equal(header.textEncoding, ['unset', 'UTF-8', 'UTF-16le', 'UTF-16be'][fields.textEncodingCode]);
      assert.equal(header.lastWriterSqliteVersion, formatSqliteVersionNumber(fields.sqliteVersionNumber));
    }),
    runs(3000),
  );
});

/** What any classification must look like: a known kind, and a problem as one sentence. */
function assertWellFormed(classified: ReturnType<typeof classifyHeader>): void {
  assert.ok(['database', 'empty', 'problem'].includes(classified.kind));
  if (classified.kind === 'problem') {
    assert.match(classified.reason, /^[^\n]+$/);
  }
}

test('arbitrary bytes of any claimed size classify without an exception', () => {
  fc.assert(
    fc.property(arbitraryBytes, fc.nat({ max: 2 ** 40 }), (bytes, extra) => {
      const start = bytes.subarray(0, 100);
      assertWellFormed(classifyHeader(start, bytes.length + (bytes.length >= 100 ? extra : 0)));
    }),
    runs(3000),
  );
});

test('mutations of a header real SQLite wrote classify without an exception, a valid one as SQLite reads it', () => {
  fc.assert(
    fc.property(mutatedBytes(samples.header), (bytes) => {
      const classified = classifyHeader(bytes.subarray(0, 100), bytes.length);
      assertWellFormed(classified);
      if (classified.kind === 'database') {
        // The fields SQLite itself reads, checked against the bytes independently of the decoder.
        const stored = bytes.readUInt16BE(16);
        assert.equal(classified.header.pageSize, stored === 1 ? 65536 : stored);
        assert.equal(classified.header.userVersion, bytes.readInt32BE(60));
        assert.equal(classified.header.schemaCookie, bytes.readUInt32BE(40));
      }
    }),
    runs(3000),
  );
});

test('a file holding arbitrary or mutated header bytes is read, or refused with one sentence naming it', () => {
  const folder = makeTempFolder();
  try {
    const file = path.join(folder.path, 'generated.db');
    fc.assert(
      fc.property(fc.oneof(arbitraryBytes, mutatedBytes(samples.header)), (bytes) => {
        fs.writeFileSync(file, bytes);
        const read = parsedOrProjectError(() => readDatabaseHeader(file));
        if (isProjectError(read)) {
          assert.ok(read instanceof UserInputError);
          assert.ok(read.message.startsWith(`${file}: `), read.message);
          assert.match(read.message, /^[^\n]+$/);
        } else {
          assert.equal(read.sizeBytes, bytes.length);
        }
        // Reading never writes.
        assert.deepEqual(fs.readFileSync(file), bytes);
      }),
      runs(800),
    );
  } finally {
    folder.remove();
  }
});

test('a -wal header written from fields reads back as the same fields', () => {
  fc.assert(
    fc.property(validWalFields, (fields) => {
      const { bytes, fileSize } = writeWalHeader(fields);
      const parsed = parseWalHeader(bytes, fileSize);
      assert.deepEqual(parsed, {
        magic: `0x${fields.magic.toString(16)}`,
        valid: true,
        checksumByteOrder: fields.magic === 0x377f0683 ? 'big-endian' : 'little-endian',
        formatVersion: fields.formatVersion,
        pageSize: fields.pageSize,
        checkpointSequence: fields.checkpointSequence,
        salt1: fields.salt1,
        salt2: fields.salt2,
        checksumValid: fields.checksumRight,
        frameCount: fields.frames,
      });
    }),
    runs(3000),
  );
});

test('the -wal header SQLite wrote parses as valid, and its mutations parse without an exception', () => {
  assert.equal(parseWalHeader(samples.wal, 32 + 2 * (24 + 4096)).valid, true);
  assert.equal(parseWalHeader(samples.wal, 32).checksumValid, true);
  fc.assert(
    fc.property(
      fc.oneof(mutatedBytes(samples.wal), arbitraryBytes),
      fc.nat({ max: 2 ** 40 }),
      (bytes, fileSize) => {
        const parsed = parsedOrProjectError(() => parseWalHeader(bytes, fileSize));
        if (isProjectError(parsed)) {
          // Only a header shorter than 32 bytes is refused.
          assert.ok(bytes.length < 32, parsed.message);
          return;
        }
        assert.ok(Number.isSafeInteger(parsed.frameCount));
        if (parsed.valid) {
          assert.ok(parsed.frameCount >= 0 || fileSize < 32);
        }
      },
    ),
    runs(3000),
  );
});

test('a -wal header shorter than 32 bytes is refused in one sentence (found by generated bytes)', () => {
  assert.throws(
    () => parseWalHeader(Buffer.alloc(7), 7, 'app.db-wal'),
    (error: unknown) =>
      error instanceof UserInputError &&
      error.message === 'app.db-wal: has 7 bytes, fewer than the 32-byte WAL header: it is truncated',
  );
});

test.after(() => {
  recordSafetyCases({ family: 'property', suite: 'database header and -wal header decoders', tried });
});
