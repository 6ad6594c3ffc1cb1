// The -wal file's size and frames against the auto-checkpoint threshold. Reads the file's first 32
// bytes (SQLite takes no lock on -wal, so closing the descriptor drops nothing) and stats it; the -shm
// file, which holds the exact frame counts, is never opened.
import { readSidecarStart, statSidecar } from '../inspect/sidecarFiles';
import { parseWalHeader, walHeaderLength } from '../inspect/walHeader';

import { defaultAutoCheckpointPages } from './walFrames';

export { defaultAutoCheckpointPages };

export const autoCheckpointNote =
  `SQLite checkpoints after a commit that leaves ${defaultAutoCheckpointPages} or more frames in the WAL ` +
  '(the default). Each connection can change it (PRAGMA wal_autocheckpoint; 0 turns it off), and ' +
  'another process’s setting cannot be read from outside, so the default is assumed.';

export interface WalHealth {
  /** `<realPath>-wal`. */
  path: string;
  exists: boolean;
  sizeBytes: number;
  /** From the WAL header; null when the file is shorter than its 32-byte header. */
  pageSize: number | null;
  /**
   * Frames the file has room for, (size - 32) / (24 + page size). Checkpoints restart the WAL from its
   * start without shrinking the file, so this is the high-water mark, an upper bound on live frames.
   */
  frames: number;
  /** Magic, format version, page size and header checksum all right. */
  headerValid: boolean;
  /** Bumped each time a checkpoint restarts the WAL; null without a header. */
  checkpointSequence: number | null;
  autoCheckpointPages: number;
  autoCheckpointNote: string;
  /** frames >= autoCheckpointPages: a checkpoint should have restarted the WAL by now. */
  pastAutoCheckpoint: boolean;
  /** Processes holding a WAL_READ lock now: each keeps checkpoints from passing its snapshot. */
  readerPids: number[];
}

export function readWalHealth(realPath: string, readerPids: number[]): WalHealth {
  const walPath = `${realPath}-wal`;
  const sidecar = statSidecar(walPath);
  const start =
    sidecar.exists && sidecar.sizeBytes >= walHeaderLength
      ? readSidecarStart(walPath, walHeaderLength)
      : null;
  const header =
    start !== null && start.length === walHeaderLength ? parseWalHeader(start, sidecar.sizeBytes) : null;
  const frames = header?.frameCount ?? 0;
  return {
    path: walPath,
    exists: sidecar.exists,
    sizeBytes: sidecar.sizeBytes,
    pageSize: header?.pageSize ?? null,
    frames,
    headerValid: header !== null && header.valid && header.checksumValid,
    checkpointSequence: header?.checkpointSequence ?? null,
    autoCheckpointPages: defaultAutoCheckpointPages,
    autoCheckpointNote,
    pastAutoCheckpoint: frames >= defaultAutoCheckpointPages,
    readerPids: [...new Set(readerPids)].sort((a, b) => a - b),
  };
}
