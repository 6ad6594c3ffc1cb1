// Generated 32-byte -wal headers (https://sqlite.org/fileformat2.html#walformat), written with the
// checksum SQLite computes, so the WAL header parser can be checked by reading them back.
import fc from 'fast-check';
import { walHeaderLength } from '../../../src/engine/inspect/walHeader';

export interface WalHeaderFields {
  magic: number;
  formatVersion: number;
  pageSize: number;
  checkpointSequence: number;
  salt1: number;
  salt2: number;
  /** Whether the stored checksum is the right one. */
  checksumRight: boolean;
  /** Whole frames after the header, and a part of one (a torn write). */
  frames: number;
  partialFrameBytes: number;
}

const uint32 = fc.nat({ max: 0xffffffff });

export const validWalFields: fc.Arbitrary<WalHeaderFields> = fc
  .record({
    magic: fc.constantFrom(0x377f0682, 0x377f0683),
    formatVersion: fc.constant(3007000),
    pageSize: fc.integer({ min: 9, max: 16 }).map((power) => 2 ** power),
    checkpointSequence: uint32,
    salt1: uint32,
    salt2: uint32,
    checksumRight: fc.boolean(),
    frames: fc.nat({ max: 100_000 }),
    partialFrameBytes: fc.nat({ max: 65536 + 23 }),
  })
  .map((fields) => ({ ...fields, partialFrameBytes: fields.partialFrameBytes % (24 + fields.pageSize) }));

/** SQLite's checksum over the first 24 bytes, in the byte order the magic's low bit names. */
function checksum(data: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (let offset = 0; offset < 24; offset += 8) {
    const x0 = bigEndian ? data.readUInt32BE(offset) : data.readUInt32LE(offset);
    const x1 = bigEndian ? data.readUInt32BE(offset + 4) : data.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) % 2 ** 32;
    s1 = (s1 + x1 + s0) % 2 ** 32;
  }
  return [s0, s1];
}

export function writeWalHeader(fields: WalHeaderFields): { bytes: Buffer; fileSize: number } {
  const bytes = Buffer.alloc(walHeaderLength);
  bytes.writeUInt32BE(fields.magic, 0);
  bytes.writeUInt32BE(fields.formatVersion, 4);
  bytes.writeUInt32BE(fields.pageSize, 8);
  bytes.writeUInt32BE(fields.checkpointSequence, 12);
  bytes.writeUInt32BE(fields.salt1, 16);
  bytes.writeUInt32BE(fields.salt2, 20);
  const [c1, c2] = checksum(bytes, (fields.magic & 1) === 1);
  bytes.writeUInt32BE(c1, 24);
  bytes.writeUInt32BE(fields.checksumRight ? c2 : (c2 + 1) % 2 ** 32, 28);
  const fileSize = walHeaderLength + fields.frames * (24 + fields.pageSize) + fields.partialFrameBytes;
  return { bytes, fileSize };
}
