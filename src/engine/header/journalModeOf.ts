// The journal mode a database file records in its header: WAL when the read version (offset 19) is 2.
// DELETE, TRUNCATE and PERSIST are rollback modes each connection chooses and are not stored, so every
// rollback mode reads as 'delete'.
import type { DatabaseHeader } from './databaseHeader';

export type PersistedJournalMode = 'wal' | 'delete';

/** An empty (0-byte) file has no header (null): SQLite starts it in a rollback mode. */
export function journalModeOf(header: Pick<DatabaseHeader, 'readVersion'> | null): PersistedJournalMode {
  return header !== null && header.readVersion === 2 ? 'wal' : 'delete';
}
