// go-dsn-no-busy-timeout: the DSN leaves the driver without a busy timeout, so a writer that meets
// another's lock fails at once with "database is locked" instead of waiting. mattn/go-sqlite3 waits
// 5 s unless told otherwise (flagged only when the DSN sets 0); modernc.org/sqlite and the glebarez
// fork wait 0 ms unless `_pragma=busy_timeout(N)` is given; ncruces waits a minute unless the DSN
// gives PRAGMAs of its own without busy_timeout.
import { rangeOf, type HintRule, type RawFinding } from '../hintRule';
import { appendParameterEdit, dsnParameters, isInMemory, parameterValues, type DsnParameter } from './goDsn';
import { goSqliteFile, type GoSqliteOpen } from './goSqliteOpens';

const busyTimeoutPragma = /^\s*busy_timeout\b/i;
const suggestedPragma = '_pragma=busy_timeout(5000)';

function hasPragmaTimeout(parameters: readonly DsnParameter[]): boolean {
  return parameterValues(parameters, '_pragma').some((pragma) => busyTimeoutPragma.test(pragma));
}

function check(
  open: GoSqliteOpen,
  parameters: readonly DsnParameter[],
  hooks: boolean,
): RawFinding | undefined {
  const dsn = open.dsn!;
  const range = rangeOf(dsn.node);
  // 'sqlite' is modernc's name and its glebarez fork's: both wait 0 ms by default.
  switch (open.driver ?? (open.driverName === 'sqlite' ? 'modernc' : undefined)) {
    case 'modernc':
    case 'glebarez': {
      // A connection hook may set the timeout on every connection: trust it.
      if (hooks || hasPragmaTimeout(parameters)) {
        return undefined;
      }
      const quickFix = appendParameterEdit(dsn, suggestedPragma, `Add ${suggestedPragma} to the DSN`);
      return { range, ...(quickFix === undefined ? {} : { quickFix }) };
    }
    case 'ncruces': {
      const pragmas = parameterValues(parameters, '_pragma');
      if (!dsn.prefix.startsWith('file:') || pragmas.length === 0 || hasPragmaTimeout(parameters)) {
        return undefined;
      }
      return {
        range,
        message:
          'This DSN gives PRAGMAs but no busy_timeout, so ncruces/go-sqlite3 sets none (its 1-minute default applies only without PRAGMAs): a writer that meets a lock fails at once with SQLITE_BUSY.',
      };
    }
    case 'mattn': {
      const timeouts = [
        ...parameterValues(parameters, '_busy_timeout'),
        ...parameterValues(parameters, '_timeout'),
      ];
      if (timeouts[0] === undefined || Number(timeouts[0]) !== 0) {
        return undefined;
      }
      return {
        range,
        message:
          'This DSN sets the busy timeout to 0 (mattn/go-sqlite3 waits 5000 ms by default): a writer that meets a lock fails at once with "database is locked".',
      };
    }
    default:
      return undefined;
  }
}

export const goDsnNoBusyTimeout: HintRule = {
  info: {
    id: 'go-dsn-no-busy-timeout',
    languages: ['go'],
    message:
      'This SQLite DSN sets no busy timeout (modernc.org/sqlite waits 0 ms by default): a writer that meets another\'s lock fails at once with "database is locked".',
    severity: 'warning',
    fix: 'Add the busy timeout to the DSN, so every pooled connection gets it: `_pragma=busy_timeout(5000)` (modernc, ncruces) or `_busy_timeout=5000` (mattn).',
    scenario: {
      preset: 'no-timeout',
      model: 'processes',
      shows:
        'The connection with no busy timeout fails with SQLITE_BUSY at once while the holder writes; the one with a timeout waits and commits.',
    },
  },
  check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const file = goSqliteFile(tree.rootNode);
    const hooks = tree.rootNode
      .descendantsOfType('selector_expression')
      .some((selector) =>
        ['RegisterConnectionHook', 'RegisterConnHook'].includes(
          selector.childForFieldName('field')?.text ?? '',
        ),
      );
    return file.opens.flatMap((open) => {
      const parameters = open.dsn?.query === undefined ? undefined : dsnParameters(open.dsn.query);
      if (open.dsn === undefined || parameters === undefined || isInMemory(open.dsn, parameters)) {
        return [];
      }
      const finding = check(open, parameters, hooks);
      return finding === undefined ? [] : [finding];
    });
  },
};
