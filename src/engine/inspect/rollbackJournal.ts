// A rollback journal holds the original pages of an unfinished write transaction. It is "hot" (SQLite
// rolls it back at the next open) when it exists with a valid header, the database is in rollback
// mode, and no connection holds the RESERVED lock (a live writer) on the database (pager.c hasHotJournal).
import { type SidecarFile, readSidecarStart } from './sidecarFiles';

export const journalMagic = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

export interface JournalFile extends SidecarFile {
  /** Its first 8 bytes are the journal magic d9 d5 05 f9 20 a1 63 d7. */
  validMagic: boolean;
  /** SQLite would roll it back at the next open. Reported only: this tool never rolls it back. */
  hot: boolean;
  /** PIDs holding RESERVED or more on the database (a writer is live, so the journal is not hot); null when locks cannot be seen. */
  reservedLockHolders: number[] | null;
}

export interface JournalContext {
  rollbackMode: boolean;
  databaseEmpty: boolean;
  /** From /proc/locks; null when unavailable (then hot means "hot unless a writer is live"). */
  reservedLockHolders: number[] | null;
}

export function describeJournal(sidecar: SidecarFile, context: JournalContext): JournalFile {
  const start =
    sidecar.exists && sidecar.sizeBytes > 0 ? readSidecarStart(sidecar.path, journalMagic.length) : null;
  const validMagic = start !== null && start.equals(journalMagic);
  const writerLive = context.reservedLockHolders !== null && context.reservedLockHolders.length > 0;
  return {
    ...sidecar,
    validMagic,
    hot: validMagic && context.rollbackMode && !context.databaseEmpty && !writerLive,
    reservedLockHolders: context.reservedLockHolders,
  };
}
