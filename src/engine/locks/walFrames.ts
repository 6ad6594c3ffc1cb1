// Sizes of a -wal file in frames: a 32-byte header, then frames of a 24-byte header and one page each
// (https://sqlite.org/fileformat2.html#walformat). Pure: the panel draws with it too.
import { walFrameHeaderLength, walHeaderLength } from '../inspect/walHeader';

/** SQLite's default PRAGMA wal_autocheckpoint, in pages (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT). */
export const defaultAutoCheckpointPages = 1000;

/** The -wal file's size when it holds the default auto-checkpoint's worth of frames. */
export function autoCheckpointWalBytes(pageSize: number): number {
  return walHeaderLength + defaultAutoCheckpointPages * (walFrameHeaderLength + pageSize);
}

/** SQLite's page sizes: powers of two from 512 to 65536, largest first. */
const pageSizes = Array.from({ length: 8 }, (_, index) => 65536 / 2 ** index);

/**
 * The page size that sampled -wal sizes imply: SQLite appends whole frames, so a size read between
 * commits is the header plus a whole number of frames. A size read while a frame was being written
 * fits no page size, so the page size that fits the most sizes wins, if it fits at least three in four
 * and no other fits as many. Undefined when no size says (none past the header).
 */
export function pageSizeFromWalSizes(sizes: readonly number[]): number | undefined {
  const written = sizes.filter((size) => Number.isInteger(size) && size > walHeaderLength);
  const fits = pageSizes.map(
    (pageSize) =>
      written.filter((size) => (size - walHeaderLength) % (walFrameHeaderLength + pageSize) === 0).length,
  );
  const most = Math.max(0, ...fits);
  const best = fits.filter((count) => count === most);
  return most > 0 && most >= 0.75 * written.length && best.length === 1
    ? pageSizes[fits.indexOf(most)]
    : undefined;
}
