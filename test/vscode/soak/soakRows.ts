// After the soak: what the database holds, read by an independent client (Debian's sqlite3 shell),
// against what the clients said they committed. Every committed transaction must be there whole; one
// that was rolled back, or open when its client was killed, must be there whole or not at all.
import { sqliteShell } from '../../support/sqliteShell';
import type { ClientLedger } from './soakClients';

export const soakSchema =
  'CREATE TABLE soak_rows (client INTEGER NOT NULL, seq INTEGER NOT NULL, part INTEGER NOT NULL, PRIMARY KEY (client, seq, part));';

export interface RowCheck {
  /** `PRAGMA integrity_check`'s answer ('ok' when intact). */
  integrity: string;
  /** Transactions the clients saw commit, and their rows. */
  transactionsCommitted: number;
  rowsCommitted: number;
  rowsFound: number;
  /** Killed while a transaction was open: its rows all there (the COMMIT won the race) or none. */
  killedOpenCommitted: number;
  killedOpenRolledBack: number;
  /** Each a sentence: a committed transaction missing or partial, rows nobody committed, a reader going back. */
  problems: string[];
}

export function checkRows(database: string, ledgers: ClientLedger[], rowsPerTransaction: number): RowCheck {
  const integrity = sqliteShell(database, 'PRAGMA integrity_check;');
  const found = new Map<string, number>();
  let rowsFound = 0;
  for (const line of sqliteShell(
    database,
    'SELECT client, seq, count(*) FROM soak_rows GROUP BY client, seq;',
  )
    .split('\n')
    .filter(Boolean)) {
    const [client, seq, count] = line.split('|').map(Number);
    found.set(`${client}/${seq}`, count);
    rowsFound += count;
  }
  const problems: string[] = [];
  let transactionsCommitted = 0;
  let killedOpenCommitted = 0;
  let killedOpenRolledBack = 0;
  for (const ledger of ledgers.filter((entry) => entry.kind === 'writer')) {
    for (const seq of ledger.committed) {
      transactionsCommitted += 1;
      const count = found.get(`${ledger.client}/${seq}`) ?? 0;
      if (count !== rowsPerTransaction) {
        problems.push(
          `client ${ledger.client} committed transaction ${seq}: ${count} of its ${rowsPerTransaction} rows are there`,
        );
      }
      found.delete(`${ledger.client}/${seq}`);
    }
    if (ledger.openAtKill !== undefined) {
      const key = `${ledger.client}/${ledger.openAtKill}`;
      const count = found.get(key) ?? 0;
      if (count === rowsPerTransaction) {
        killedOpenCommitted += 1;
      } else if (count === 0) {
        killedOpenRolledBack += 1;
      } else {
        problems.push(
          `client ${ledger.client}, killed in transaction ${ledger.openAtKill}: ${count} of ${rowsPerTransaction} rows, half a transaction`,
        );
      }
      found.delete(key);
    }
  }
  for (const [key, count] of found) {
    problems.push(`${count} rows of transaction ${key} (client/seq) that no client committed`);
  }
  for (const ledger of ledgers.filter((entry) => entry.kind === 'reader')) {
    const back = ledger.reads.findIndex((count, index) => index > 0 && count < ledger.reads[index - 1]);
    if (back > 0) {
      problems.push(`reader ${ledger.client} saw ${ledger.reads[back - 1]} rows, then ${ledger.reads[back]}`);
    }
  }
  return {
    integrity,
    transactionsCommitted,
    rowsCommitted: transactionsCommitted * rowsPerTransaction,
    rowsFound,
    killedOpenCommitted,
    killedOpenRolledBack,
    problems,
  };
}
