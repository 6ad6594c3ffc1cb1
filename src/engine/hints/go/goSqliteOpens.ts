// Where a Go file opens SQLite: `sql.Open("sqlite3"|"sqlite", dsn)` (and sqlx's Open/Connect), or a
// GORM dialector (`sqlite.Open(dsn)` from gorm.io/driver/sqlite or github.com/glebarez/sqlite), with
// the driver its imports name and the DSN as far as the source shows it.
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from '../stringLiteral';
import { isReadable } from '../syntaxTree';
import { resolveGoDsn, type GoDsn } from './goDsn';
import { driverForName, goImports, importedSqliteDrivers, type GoSqliteDriver } from './goImports';

export interface GoSqliteOpen {
  readonly call: Node;
  /** The database/sql driver name: 'sqlite3' or 'sqlite'. */
  readonly driverName: string;
  /** undefined when the file's imports do not say which driver registered the name. */
  readonly driver: GoSqliteDriver | undefined;
  /** True for GORM dialectors (their transactions are GORM's, not database/sql's). */
  readonly gorm: boolean;
  readonly dsn: GoDsn | undefined;
  /** The variable the handle is assigned to (`db` in `db, err := sql.Open(...)`). */
  readonly handle: string | undefined;
}

export interface GoSqliteFile {
  readonly imports: ReadonlyMap<string, string>;
  readonly drivers: ReadonlySet<GoSqliteDriver>;
  readonly opens: readonly GoSqliteOpen[];
  /** sql.Open calls with another (or an unknown) driver: transactions in the file may be theirs. */
  readonly otherOpens: number;
}

const sqlOpeners: Readonly<Record<string, readonly string[]>> = {
  'database/sql': ['Open'],
  'github.com/jmoiron/sqlx': ['Open', 'Connect', 'MustOpen', 'MustConnect'],
};
const gormDialectors: Readonly<Record<string, GoSqliteDriver>> = {
  'gorm.io/driver/sqlite': 'mattn',
  'github.com/glebarez/sqlite': 'glebarez',
};
const sqliteDriverNames = ['sqlite3', 'sqlite'];

/** Import path of the package a `pkg.Func` call's operand names, if the file imports it under that name. */
function importedPackage(operand: string, imports: ReadonlyMap<string, string>): string | undefined {
  for (const [path, name] of imports) {
    if (name === operand) {
      return path;
    }
  }
  return undefined;
}

/** Several rules read the same file's opens: read them once per tree. */
const readFiles = new WeakMap<Node['tree'], GoSqliteFile>();

export function goSqliteFile(root: Node): GoSqliteFile {
  let file = readFiles.get(root.tree);
  if (file === undefined) {
    file = readSqliteFile(root);
    readFiles.set(root.tree, file);
  }
  return file;
}

function readSqliteFile(root: Node): GoSqliteFile {
  const imports = goImports(root);
  const drivers = importedSqliteDrivers(imports);
  const opens: GoSqliteOpen[] = [];
  let otherOpens = 0;
  for (const call of root.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'selector_expression') {
      continue;
    }
    const operand = callee.childForFieldName('operand');
    const field = callee.childForFieldName('field')?.text ?? '';
    const path = operand?.type === 'identifier' ? importedPackage(operand.text, imports) : undefined;
    if (path === undefined) {
      continue;
    }
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (sqlOpeners[path]?.includes(field) === true) {
      const name = args[0] === undefined ? undefined : stringLiteralValue(args[0]);
      if (name === undefined || !sqliteDriverNames.includes(name) || args.length !== 2) {
        otherOpens += 1;
        continue;
      }
      if (isReadable(call)) {
        opens.push({
          call,
          driverName: name,
          driver: driverForName(name, drivers),
          gorm: false,
          dsn: resolveGoDsn(args[1], root),
          handle: assignedName(call),
        });
      }
    } else if (
      field === 'Open' &&
      gormDialectors[path] !== undefined &&
      args.length === 1 &&
      isReadable(call)
    ) {
      const driver = gormDialectors[path];
      opens.push({
        call,
        driverName: driver === 'mattn' ? 'sqlite3' : 'sqlite',
        driver,
        gorm: true,
        dsn: resolveGoDsn(args[0], root),
        handle: undefined,
      });
    }
  }
  return { imports, drivers, opens, otherOpens };
}

/** The first variable a call's result is assigned to (`x` in `x, err := call` or `var x = call`). */
export function assignedName(call: Node): string | undefined {
  const list = call.parent;
  const statement = list?.parent;
  if (list?.type !== 'expression_list' || statement === null || statement === undefined) {
    return undefined;
  }
  const target =
    statement.type === 'short_var_declaration' || statement.type === 'assignment_statement'
      ? statement.childForFieldName('left')?.namedChildren[0]
      : statement.type === 'var_spec'
        ? statement.childForFieldName('name')
        : undefined;
  return target?.type === 'identifier' && target.text !== '_' ? target.text : undefined;
}

/** True when the file shows it talks to SQLite: it imports a driver or opens one by name. */
export function usesSqlite(file: GoSqliteFile): boolean {
  return file.drivers.size > 0 || file.opens.length > 0;
}
