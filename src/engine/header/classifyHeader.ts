// Decides what a file's first bytes are: an SQLite database (decoded), an empty database, or one clear
// problem. The checks follow SQLite's own (btree.c lockBtree) in the same order, so a file reported
// as valid is one SQLite will open.
import {
  type AutoVacuumMode,
  type DatabaseHeader,
  type TextEncodingName,
  headerLength,
  headerMagic,
} from './databaseHeader';
import { looksRandom } from './looksRandom';
import { formatSqliteVersionNumber } from './sqliteVersionNumber';

export type HeaderProblem = 'not-sqlite' | 'looks-encrypted' | 'truncated' | 'corrupt' | 'newer-format';

export type HeaderClassification =
  | { kind: 'database'; header: DatabaseHeader }
  /** A 0-byte file: SQLite treats it as a valid, empty database. */
  | { kind: 'empty' }
  /** `reason` completes a sentence that starts with the file name. */
  | { kind: 'problem'; problem: HeaderProblem; reason: string };

const textEncodings: Record<number, TextEncodingName> = {
  0: 'unset',
  1: 'UTF-8',
  2: 'UTF-16le',
  3: 'UTF-16be',
};

// The smallest usable page SQLite accepts (btree.c).
const minimumUsableSize = 480;

/** `bytes` is the start of the file (up to 100 bytes); `fileSize` its full length. */
export function classifyHeader(bytes: Buffer, fileSize: number): HeaderClassification {
  if (fileSize === 0) {
    return { kind: 'empty' };
  }
  const magicPart = bytes.subarray(0, Math.min(bytes.length, headerMagic.length));
  const startsLikeSqlite =
    magicPart.length > 0 && headerMagic.subarray(0, magicPart.length).equals(magicPart);
  if (bytes.length < headerLength) {
    if (startsLikeSqlite) {
      return problem(
        'truncated',
        `is only ${fileSize} bytes long, shorter than the 100-byte SQLite header: it is truncated or corrupt`,
      );
    }
    return notSqlite(bytes);
  }
  if (!startsLikeSqlite) {
    return notSqlite(bytes);
  }
  const readVersion = bytes[19];
  if (readVersion > 2) {
    return problem(
      'newer-format',
      `was written in a newer SQLite file format (read version ${readVersion} at offset 19); ` +
        'SQLite refuses to read it',
    );
  }
  const corruption = findCorruption(bytes);
  if (corruption !== undefined) {
    return problem('corrupt', `has a corrupt SQLite header: ${corruption}`);
  }
  return { kind: 'database', header: decodeHeader(bytes) };
}

function notSqlite(bytes: Buffer): HeaderClassification {
  if (looksRandom(bytes)) {
    return problem(
      'looks-encrypted',
      'has no SQLite header and its first bytes look random: it looks encrypted (SQLCipher, for example) ' +
        'or compressed',
    );
  }
  return problem('not-sqlite', 'is not an SQLite database (it does not start with "SQLite format 3")');
}

function problem(kind: HeaderProblem, reason: string): HeaderClassification {
  return { kind: 'problem', problem: kind, reason };
}

/** The first header field that SQLite (or the file format) rejects, described; undefined if none. */
function findCorruption(bytes: Buffer): string | undefined {
  const storedPageSize = bytes.readUInt16BE(16);
  const pageSize = decodePageSize(storedPageSize);
  if (pageSize === undefined) {
    return `page size ${storedPageSize} (offset 16) is not a power of two from 512 to 65536`;
  }
  const writeVersion = bytes[18];
  if (writeVersion === 0) {
    return 'write version 0 (offset 18) is not 1 (rollback journal) or 2 (WAL)';
  }
  const readVersion = bytes[19];
  if (readVersion === 0) {
    return 'read version 0 (offset 19) is not 1 (rollback journal) or 2 (WAL)';
  }
  const fractions = [bytes[21], bytes[22], bytes[23]];
  if (fractions[0] !== 64 || fractions[1] !== 32 || fractions[2] !== 32) {
    return `payload fractions (offsets 21 to 23) are ${fractions.join('/')}, not 64/32/32`;
  }
  const reserved = bytes[20];
  if (pageSize - reserved < minimumUsableSize) {
    return (
      `${reserved} reserved bytes per page (offset 20) leave fewer than ${minimumUsableSize} usable bytes ` +
      `in a ${pageSize}-byte page`
    );
  }
  const schemaFormat = bytes.readUInt32BE(44);
  if (schemaFormat > 4) {
    return `schema format ${schemaFormat} (offset 44) is not 1 to 4`;
  }
  const textEncoding = bytes.readUInt32BE(56);
  if (textEncoding > 3) {
    return `text encoding ${textEncoding} (offset 56) is not 1 (UTF-8), 2 (UTF-16le) or 3 (UTF-16be)`;
  }
  return undefined;
}

function decodePageSize(stored: number): number | undefined {
  if (stored === 1) {
    return 65536;
  }
  const powerOfTwo = (stored & (stored - 1)) === 0;
  return powerOfTwo && stored >= 512 && stored <= 32768 ? stored : undefined;
}

function decodeHeader(bytes: Buffer): DatabaseHeader {
  const fileChangeCounter = bytes.readUInt32BE(24);
  const headerPageCount = bytes.readUInt32BE(28);
  const versionValidFor = bytes.readUInt32BE(92);
  const largestRootPage = bytes.readUInt32BE(52);
  const incrementalVacuum = bytes.readUInt32BE(64) !== 0;
  const textEncodingCode = bytes.readUInt32BE(56);
  const sqliteVersionNumber = bytes.readUInt32BE(96);
  let autoVacuum: AutoVacuumMode = 'none';
  if (largestRootPage !== 0) {
    autoVacuum = incrementalVacuum ? 'incremental' : 'full';
  }
  return {
    pageSize: decodePageSize(bytes.readUInt16BE(16)) ?? 0,
    writeVersion: bytes[18],
    readVersion: bytes[19],
    reservedBytesPerPage: bytes[20],
    maxPayloadFraction: bytes[21],
    minPayloadFraction: bytes[22],
    leafPayloadFraction: bytes[23],
    fileChangeCounter,
    headerPageCount,
    // SQLite's own rule: a count written by a library too old to maintain it is stale (the change
    // counter moved on without offset 92 following it).
    pageCountValid: headerPageCount !== 0 && versionValidFor === fileChangeCounter,
    firstFreelistTrunkPage: bytes.readUInt32BE(32),
    freelistPageCount: bytes.readUInt32BE(36),
    schemaCookie: bytes.readUInt32BE(40),
    schemaFormat: bytes.readUInt32BE(44),
    defaultPageCacheSize: bytes.readInt32BE(48),
    largestRootPage,
    textEncodingCode,
    textEncoding: textEncodings[textEncodingCode] ?? 'unset',
    userVersion: bytes.readInt32BE(60),
    incrementalVacuum,
    autoVacuum,
    applicationId: bytes.readInt32BE(68),
    versionValidFor,
    sqliteVersionNumber,
    lastWriterSqliteVersion: formatSqliteVersionNumber(sqliteVersionNumber),
  };
}
