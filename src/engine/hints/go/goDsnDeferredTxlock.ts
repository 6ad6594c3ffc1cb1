// go-dsn-deferred-txlock: the DSN leaves BEGIN deferred, and a transaction in the file reads before
// it writes. A deferred transaction that has read cannot wait for the write lock: SQLite returns
// SQLITE_BUSY at once, whatever the busy timeout (mattn/go-sqlite3#274). `_txlock=immediate` makes
// database/sql's Begin take the write lock first, where the timeout applies.
import { rangeOf, type HintRule } from '../hintRule';
import { lineOf } from './goCalls';
import { appendParameterEdit, dsnParameters, isInMemory, parameterValues } from './goDsn';
import { goSqliteFile, type GoSqliteOpen } from './goSqliteOpens';
import { goTransactions } from './goTransactions';

const immediate = '_txlock=immediate';

/** Drivers whose DSN takes `_txlock` (mattn, ncruces and modernc document it; the glebarez fork not). */
function takesTxlock(open: GoSqliteOpen, modernc: boolean): boolean {
  // 'sqlite3' is mattn's name or ncruces': both take it.
  return open.driverName === 'sqlite3' || open.driver === 'modernc' || (open.driver === undefined && modernc);
}

export const goDsnDeferredTxlock: HintRule = {
  info: {
    id: 'go-dsn-deferred-txlock',
    languages: ['go'],
    message:
      'This transaction reads and then writes, and the DSN leaves BEGIN deferred: when another connection holds the write lock it fails at once with "database is locked", whatever the busy timeout.',
    severity: 'warning',
    fix: 'Add `_txlock=immediate` to the DSN, so Begin takes the write lock first, where the busy timeout applies.',
    scenario: {
      preset: 'upgrade',
      model: 'processes',
      client: 'go-mattn',
      shows:
        'The deferred transaction that read first fails with SQLITE_BUSY at once when it tries to write.',
    },
  },
  check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const file = goSqliteFile(tree.rootNode);
    const opens = file.opens.filter((open) => !open.gorm);
    // Transactions are tied to the DSN only when the file opens exactly one database.
    if (opens.length !== 1 || file.otherOpens > 0 || file.opens.length !== 1) {
      return [];
    }
    const open = opens[0];
    const parameters = open.dsn?.query === undefined ? undefined : dsnParameters(open.dsn.query);
    if (open.dsn === undefined || parameters === undefined || isInMemory(open.dsn, parameters)) {
      return [];
    }
    if (!takesTxlock(open, file.imports.has('modernc.org/sqlite'))) {
      return [];
    }
    const txlock = parameterValues(parameters, '_txlock')[0]?.toLowerCase();
    if (txlock === 'immediate' || txlock === 'exclusive') {
      return [];
    }
    const dsnLine = lineOf(open.dsn.node);
    // A second _txlock would not count (the driver reads the first): offer the edit only when there is none.
    const quickFix =
      txlock === undefined
        ? appendParameterEdit(open.dsn, immediate, `Add ${immediate} to the DSN (line ${dsnLine})`)
        : undefined;
    return goTransactions(tree.rootNode).flatMap(({ begin, readThenWrite }) =>
      readThenWrite === undefined
        ? []
        : [
            {
              range: rangeOf(begin.call),
              message: `This transaction reads (line ${lineOf(readThenWrite.read)}) and then writes (line ${lineOf(readThenWrite.write)}), and the DSN on line ${dsnLine} leaves BEGIN deferred: when another connection holds the write lock the write fails at once with "database is locked", whatever the busy timeout.`,
              ...(quickFix === undefined ? {} : { quickFix }),
            },
          ],
    );
  },
};
