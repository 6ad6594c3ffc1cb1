// go-pragma-busy-timeout-on-pool: `db.Exec("PRAGMA busy_timeout = N")` on a *sql.DB. The pool runs
// it on one of its connections; every connection it opens later keeps the driver's default (0 ms for
// modernc.org/sqlite), so writes on those fail at once with "database is locked".
import type { Node } from 'web-tree-sitter';
import { rangeOf, type HintRule } from '../hintRule';
import { enclosingOfType, isReadable } from '../syntaxTree';
import { enclosingFunctionBody, goFunctionTypes, methodCalls, sqlTextOf, type GoMethodCall } from './goCalls';
import { dsnParameters, parameterValues } from './goDsn';
import { goSqliteFile, type GoSqliteFile } from './goSqliteOpens';

const execMethods = ['Exec', 'ExecContext', 'MustExec', 'MustExecContext'];
const busyTimeoutPragma = /^\s*PRAGMA\s+(?:\w+\.)?busy_timeout\s*(?:=|\()/i;
const poolTypes = /^\*\s*(?:sql|sqlx)\.DB$/;

/** True when the receiver is declared as a pool in the function around the call or in a struct field. */
function isPool(call: GoMethodCall, root: Node, file: GoSqliteFile): boolean {
  const receiver = call.receiver;
  const name = receiver.includes('.') ? receiver.slice(receiver.lastIndexOf('.') + 1) : receiver;
  if (!receiver.includes('.')) {
    if (file.opens.some((open) => !open.gorm && open.handle === receiver)) {
      return true;
    }
    const fn = enclosingOfType(call.call, goFunctionTypes);
    const declarations = fn?.descendantsOfType(['parameter_declaration', 'var_spec']) ?? [];
    return declarations.some(
      (declaration) =>
        declaration.childrenForFieldName('name').some((identifier) => identifier.text === name) &&
        poolTypes.test(declaration.childForFieldName('type')?.text ?? ''),
    );
  }
  // `s.db.Exec(...)`: a struct field of this file declared as *sql.DB.
  return root
    .descendantsOfType('field_declaration')
    .some(
      (field) =>
        field.childrenForFieldName('name').some((identifier) => identifier.text === name) &&
        poolTypes.test(field.childForFieldName('type')?.text ?? ''),
    );
}

/** A pool of one connection (`SetMaxOpenConns(1)`) keeps the pragma; so does a DSN that already sets it. */
function isExempt(call: GoMethodCall, root: Node, file: GoSqliteFile): boolean {
  const limited = methodCalls(root).some(
    (other) =>
      other.receiver === call.receiver && other.method === 'SetMaxOpenConns' && other.args[0]?.text === '1',
  );
  const open = file.opens.find((candidate) => candidate.handle === call.receiver);
  const parameters = open?.dsn?.query === undefined ? undefined : dsnParameters(open.dsn.query);
  const dsnSetsIt =
    parameters !== undefined &&
    (parameterValues(parameters, '_pragma').some((pragma) => /^\s*busy_timeout\b/i.test(pragma)) ||
      parameterValues(parameters, '_busy_timeout').length > 0 ||
      parameterValues(parameters, '_timeout').length > 0);
  // mattn/go-sqlite3 gives every connection 5000 ms anyway.
  const mattnOnly = file.drivers.size === 1 && file.drivers.has('mattn');
  return limited || dsnSetsIt || mattnOnly;
}

export const goPragmaBusyTimeoutOnPool: HintRule = {
  info: {
    id: 'go-pragma-busy-timeout-on-pool',
    languages: ['go'],
    message:
      'PRAGMA busy_timeout on a *sql.DB reaches one pooled connection only: the others keep the driver\'s default (0 ms for modernc.org/sqlite) and fail at once with "database is locked".',
    severity: 'warning',
    fix: 'Set the busy timeout in the DSN (`_pragma=busy_timeout(5000)` for modernc and ncruces, `_busy_timeout=5000` for mattn), so every connection the pool opens gets it.',
    scenario: {
      preset: 'no-timeout',
      model: 'processes',
      shows:
        'A pooled connection that never ran the PRAGMA fails with SQLITE_BUSY at once; the one with the timeout waits and commits.',
    },
  },
  check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const root = tree.rootNode;
    const file = goSqliteFile(root);
    return methodCalls(root).flatMap((call) => {
      const sql = execMethods.includes(call.method) ? sqlTextOf(call) : undefined;
      if (
        sql === undefined ||
        !busyTimeoutPragma.test(sql) ||
        !isReadable(call.call) ||
        enclosingFunctionBody(call.call) === undefined ||
        !isPool(call, root, file) ||
        isExempt(call, root, file)
      ) {
        return [];
      }
      return [{ range: rangeOf(call.call) }];
    });
  },
};
