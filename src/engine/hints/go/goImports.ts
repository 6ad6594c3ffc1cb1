// A Go file's imports: which local name each package is bound to, and which SQLite driver it loads.
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from '../stringLiteral';

/** Import path -> the name the file uses for it ('_' for blank imports, '.' for dot imports). */
export function goImports(root: Node): Map<string, string> {
  const imports = new Map<string, string>();
  for (const spec of root.descendantsOfType('import_spec')) {
    const pathNode = spec.childForFieldName('path');
    const path = pathNode === null ? undefined : stringLiteralValue(pathNode);
    if (path === undefined) {
      continue;
    }
    const name = spec.childForFieldName('name');
    imports.set(path, name === null ? defaultPackageName(path) : name.text);
  }
  return imports;
}

/** The name a package is used under when imported without one: its last path element (minus a /vN). */
function defaultPackageName(path: string): string {
  const parts = path.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}

/**
 * The SQLite drivers a Go program registers with database/sql, each with its own DSN parameters:
 * mattn (cgo; `_busy_timeout`, default 5000 ms; `_txlock`), modernc and its glebarez fork
 * (`_pragma=busy_timeout(N)`, no default; modernc also `_txlock`), ncruces (`_pragma=...` in
 * `file:` URIs; one minute's timeout when no pragma is given; `_txlock`).
 */
export type GoSqliteDriver = 'mattn' | 'modernc' | 'glebarez' | 'ncruces';

const driverImports: Readonly<Record<string, GoSqliteDriver>> = {
  'github.com/mattn/go-sqlite3': 'mattn',
  'modernc.org/sqlite': 'modernc',
  'github.com/glebarez/go-sqlite': 'glebarez',
  'github.com/glebarez/sqlite': 'glebarez',
  'github.com/ncruces/go-sqlite3/driver': 'ncruces',
};

/** The drivers this file imports. */
export function importedSqliteDrivers(imports: ReadonlyMap<string, string>): Set<GoSqliteDriver> {
  const drivers = new Set<GoSqliteDriver>();
  for (const path of imports.keys()) {
    const driver = driverImports[path];
    if (driver !== undefined) {
      drivers.add(driver);
    }
  }
  return drivers;
}

/** The driver behind a database/sql driver name, when the file's imports leave one choice. */
export function driverForName(
  name: string,
  drivers: ReadonlySet<GoSqliteDriver>,
): GoSqliteDriver | undefined {
  const candidates = [...drivers].filter((driver) =>
    name === 'sqlite3'
      ? driver === 'mattn' || driver === 'ncruces'
      : driver === 'modernc' || driver === 'glebarez',
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}
