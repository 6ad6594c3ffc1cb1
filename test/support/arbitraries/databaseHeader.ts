// Generated 100-byte SQLite database headers: the fields SQLite accepts (from the file format's
// grammar, https://sqlite.org/fileformat2.html#the_database_header), written to bytes the way SQLite
// lays them out, so a decoder can be checked by reading them back.
import fc from 'fast-check';
import { headerLength, headerMagic } from '../../../src/engine/header/databaseHeader';

export interface HeaderFields {
  /** 512..65536; written as 1 for 65536. */
  pageSize: number;
  writeVersion: number;
  readVersion: number;
  reservedBytesPerPage: number;
  fileChangeCounter: number;
  headerPageCount: number;
  firstFreelistTrunkPage: number;
  freelistPageCount: number;
  schemaCookie: number;
  schemaFormat: number;
  defaultPageCacheSize: number;
  largestRootPage: number;
  textEncodingCode: number;
  userVersion: number;
  incrementalVacuum: number;
  applicationId: number;
  versionValidFor: number;
  sqliteVersionNumber: number;
}

const uint32 = fc.nat({ max: 0xffffffff });
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });

/** Fields of a header SQLite would open (usable page size at least 480 bytes). */
export const validHeaderFields: fc.Arbitrary<HeaderFields> = fc
  .record({
    pageSize: fc.integer({ min: 9, max: 16 }).map((power) => 2 ** power),
    writeVersion: fc.constantFrom(1, 2),
    readVersion: fc.constantFrom(1, 2),
    reservedBytesPerPage: fc.nat({ max: 255 }),
    fileChangeCounter: uint32,
    headerPageCount: uint32,
    firstFreelistTrunkPage: uint32,
    freelistPageCount: uint32,
    schemaCookie: uint32,
    schemaFormat: fc.nat({ max: 4 }),
    defaultPageCacheSize: int32,
    largestRootPage: uint32,
    textEncodingCode: fc.nat({ max: 3 }),
    userVersion: int32,
    incrementalVacuum: uint32,
    applicationId: int32,
    // Half the time equal to the change counter, as a current SQLite keeps it.
    versionValidFor: fc.option(uint32, { nil: undefined }),
    sqliteVersionNumber: fc.oneof(fc.constant(0), fc.integer({ min: 3000000, max: 3999999 }), uint32),
  })
  .filter((fields) => fields.pageSize - fields.reservedBytesPerPage >= 480)
  .map((fields) => ({ ...fields, versionValidFor: fields.versionValidFor ?? fields.fileChangeCounter }));

/** The header bytes for `fields`, as SQLite writes them (big-endian, magic and payload fractions fixed). */
export function writeHeader(fields: HeaderFields): Buffer {
  const bytes = Buffer.alloc(headerLength);
  headerMagic.copy(bytes, 0);
  bytes.writeUInt16BE(fields.pageSize === 65536 ? 1 : fields.pageSize, 16);
  bytes[18] = fields.writeVersion;
  bytes[19] = fields.readVersion;
  bytes[20] = fields.reservedBytesPerPage;
  bytes[21] = 64;
  bytes[22] = 32;
  bytes[23] = 32;
  bytes.writeUInt32BE(fields.fileChangeCounter, 24);
  bytes.writeUInt32BE(fields.headerPageCount, 28);
  bytes.writeUInt32BE(fields.firstFreelistTrunkPage, 32);
  bytes.writeUInt32BE(fields.freelistPageCount, 36);
  bytes.writeUInt32BE(fields.schemaCookie, 40);
  bytes.writeUInt32BE(fields.schemaFormat, 44);
  bytes.writeInt32BE(fields.defaultPageCacheSize, 48);
  bytes.writeUInt32BE(fields.largestRootPage, 52);
  bytes.writeUInt32BE(fields.textEncodingCode, 56);
  bytes.writeInt32BE(fields.userVersion, 60);
  bytes.writeUInt32BE(fields.incrementalVacuum, 64);
  bytes.writeInt32BE(fields.applicationId, 68);
  bytes.writeUInt32BE(fields.versionValidFor, 92);
  bytes.writeUInt32BE(fields.sqliteVersionNumber, 96);
  return bytes;
}

/** Some bytes of `sample` overwritten with random values, or the sample cut short or lengthened. */
export function mutatedBytes(sample: Buffer): fc.Arbitrary<Buffer> {
  const overwrite = fc
    .array(fc.tuple(fc.nat({ max: sample.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 })
    .map((changes) => {
      const copy = Buffer.from(sample);
      for (const [offset, value] of changes) {
        copy[offset] = value;
      }
      return copy;
    });
  const cut = fc.nat({ max: sample.length }).map((length) => sample.subarray(0, length));
  const extended = fc
    .uint8Array({ maxLength: 64 })
    .map((extra) => Buffer.concat([sample, Buffer.from(extra)]));
  return fc.oneof({ arbitrary: overwrite, weight: 4 }, cut, extended);
}

export const arbitraryBytes: fc.Arbitrary<Buffer> = fc
  .uint8Array({ maxLength: 160 })
  .map((array) => Buffer.from(array));
