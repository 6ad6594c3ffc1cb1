// The 32-byte header of a -wal file (https://sqlite.org/fileformat2.html#walformat), big-endian.
import { UserInputError } from '../userInputError';

export const walHeaderLength = 32;
export const walFrameHeaderLength = 24;
const walMagicLittleEndian = 0x377f0682;
const walMagicBigEndian = 0x377f0683;
const walFormatVersion = 3007000;

export interface WalHeader {
  /** Offset 0, as hex ("0x377f0682" or "0x377f0683" when valid). */
  magic: string;
  /** The magic and format version are right and the page size is a valid one. */
  valid: boolean;
  /** Byte order of the frame checksums, chosen by the magic's low bit. */
  checksumByteOrder: 'little-endian' | 'big-endian';
  /** Offset 4: 3007000. */
  formatVersion: number;
  /** Offset 8. */
  pageSize: number;
  /** Offset 12: bumped by every checkpoint that restarts the WAL. */
  checkpointSequence: number;
  /** Offsets 16 and 20: change at every restart; a frame counts only if it carries the same salts. */
  salt1: number;
  salt2: number;
  /** Offsets 24 and 28 match the checksum of the first 24 bytes; otherwise SQLite ignores the WAL. */
  checksumValid: boolean;
  /**
   * Frames the file has room for: (size - 32) / (24 + pageSize). Frames left from before the last
   * restart still count here, so this is an upper bound on the frames SQLite would replay.
   */
  frameCount: number;
}

/**
 * `bytes` holds at least the first 32 bytes of a -wal file of `fileSize` bytes; fewer is a
 * UserInputError naming `file` (callers check the length first: this keeps a RangeError out).
 */
export function parseWalHeader(bytes: Buffer, fileSize: number, file = 'the -wal file'): WalHeader {
  if (bytes.length < walHeaderLength) {
    throw new UserInputError(
      file,
      `has ${bytes.length} bytes, fewer than the ${walHeaderLength}-byte WAL header: it is truncated`,
    );
  }
  const magicValue = bytes.readUInt32BE(0);
  const formatVersion = bytes.readUInt32BE(4);
  const pageSize = bytes.readUInt32BE(8);
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  const knownMagic = magicValue === walMagicLittleEndian || magicValue === walMagicBigEndian;
  const bigEndian = (magicValue & 1) === 1;
  const [checksum1, checksum2] = walChecksum(bytes.subarray(0, 24), bigEndian);
  return {
    magic: '0x' + magicValue.toString(16).padStart(8, '0'),
    valid: knownMagic && formatVersion === walFormatVersion && validPageSize,
    checksumByteOrder: bigEndian ? 'big-endian' : 'little-endian',
    formatVersion,
    pageSize,
    checkpointSequence: bytes.readUInt32BE(12),
    salt1: bytes.readUInt32BE(16),
    salt2: bytes.readUInt32BE(20),
    checksumValid: checksum1 === bytes.readUInt32BE(24) && checksum2 === bytes.readUInt32BE(28),
    frameCount: validPageSize
      ? Math.floor((fileSize - walHeaderLength) / (walFrameHeaderLength + pageSize))
      : 0,
  };
}

/** SQLite's WAL checksum (wal.c walChecksumBytes) over pairs of 32-bit words. */
function walChecksum(data: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (let offset = 0; offset + 8 <= data.length; offset += 8) {
    const x0 = bigEndian ? data.readUInt32BE(offset) : data.readUInt32LE(offset);
    const x1 = bigEndian ? data.readUInt32BE(offset + 4) : data.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}
