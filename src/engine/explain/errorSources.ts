// Which driver or framework printed a lock error, by the words its messages carry, and how the fix is
// spelled there. The first source that matches wins, so a wrapper (SQLAlchemy, Django) comes before the
// driver it wraps (Python's sqlite3).

export interface ErrorSource {
  readonly id: string;
  readonly name: string;
  readonly patterns: readonly RegExp[];
  /** The fix in this driver's or framework's terms. */
  readonly fix: string;
  /** The drivers this framework wraps: their own line of a traceback belongs to the framework. */
  readonly wraps?: readonly string[];
}

export const errorSources = [
  {
    id: 'prisma',
    name: 'Prisma',
    patterns: [/\bPrisma\w*Error\b/, /pris\.ly\/d\//, /ConnectorError\b/, /\bprisma\.\w+\.\w+\(/],
    fix: 'One process: `?connection_limit=1` in the datasource URL; or the better-sqlite3 driver adapter, whose `timeout` is a real busy timeout.',
  },
  {
    id: 'litestream',
    name: 'Litestream',
    patterns: [/\blitestream\b/i, /\bcheckpoint: mode=\w+ err=/],
    fix: 'Litestream needs a busy timeout in the app (litestream.io/tips) and readers that do not hold transactions open.',
  },
  {
    id: 'django',
    name: 'Django',
    patterns: [/\bdjango\.db\b/, /\bdjango[/\\]db[/\\]/, /^Django Version:/m],
    wraps: ['python-sqlite3'],
    fix: 'DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"} (transaction_mode needs Django 5.1 or later).',
  },
  {
    id: 'sqlalchemy',
    name: 'SQLAlchemy',
    patterns: [/\bsqlalchemy\.exc\./i, /sqlalche\.me\/e\//, /\(sqlite3\.OperationalError\)/],
    wraps: ['python-sqlite3'],
    fix: 'create_engine(url, connect_args={"timeout": 15}), and emit BEGIN IMMEDIATE from a "begin" event listener for sessions that write.',
  },
  {
    id: 'python-sqlite3',
    name: "Python's sqlite3",
    patterns: [/\bsqlite3\.OperationalError\b/, /^OperationalError: database (?:table )?is locked/m],
    fix: 'sqlite3.connect(path, timeout=15) (5 s by default); for read-then-write, isolation_level=None and execute("BEGIN IMMEDIATE").',
  },
  {
    id: 'ecto',
    name: 'Elixir (Exqlite, ecto_sqlite3)',
    patterns: [/\bExqlite\b/, /\becto_sqlite3\b/],
    fix: 'default_transaction_mode: :immediate in the Repo config (ecto_sqlite3), and a busy_timeout there.',
  },
  {
    id: 'ruby-sqlite3',
    name: "Ruby's sqlite3 gem (Rails, Sequel)",
    patterns: [/\bSQLite3::(?:Busy|Locked)Exception\b/, /\bActiveRecord::/],
    fix: 'Rails: 7.2 or later with the sqlite3 gem 2.x: IMMEDIATE transactions and a busy wait that releases the GVL (rails/rails#50370, #51958); keep `timeout:` in database.yml.',
  },
  {
    id: 'go-mattn',
    name: 'Go (mattn/go-sqlite3)',
    patterns: [/mattn\/go-sqlite3/, /sqlite3\.Error\{Code:\s*[56]\b/],
    fix: 'DSN `file:app.db?_busy_timeout=5000&_txlock=immediate`, or db.SetMaxOpenConns(1) so the pool has one writer.',
  },
  {
    id: 'go-modernc',
    name: 'Go (modernc.org/sqlite)',
    // modernc prints "<message> (<code>) (<name>)", e.g. "database is locked (5) (SQLITE_BUSY)".
    patterns: [/modernc\.org\/sqlite/, /database (?:table )?is locked \(\d+\) \(SQLITE_\w+\)/],
    fix: 'DSN `app.db?_pragma=busy_timeout(5000)&_txlock=immediate` (modernc ignores mattn-style `_busy_timeout`), or db.SetMaxOpenConns(1).',
  },
  {
    id: 'node-sqlite3',
    name: 'node-sqlite3',
    patterns: [/Error: SQLITE_(?:BUSY|LOCKED)\w*: /, /\berrno: [56],/],
    fix: "db.configure('busyTimeout', 5000) on each Database (it waits 1 s by default); run read-then-write transactions as BEGIN IMMEDIATE.",
  },
  {
    id: 'better-sqlite3',
    name: 'better-sqlite3',
    patterns: [/\bSqliteError\b/],
    fix: 'new Database(file, { timeout: 5000 }) (5 s by default); run read-then-write transactions with db.transaction(fn).immediate().',
  },
  {
    id: 'node-sqlite',
    name: 'node:sqlite',
    patterns: [/\bERR_SQLITE_ERROR\b/],
    fix: 'new DatabaseSync(path, { timeout: 5000 }) (it waits 0 ms by default).',
  },
] as const satisfies readonly ErrorSource[];

export type ErrorSourceId = (typeof errorSources)[number]['id'];

/** The source whose words `text` carries, if any. */
export function errorSourceOf(text: string): ErrorSource | undefined {
  return errorSources.find((source) => source.patterns.some((pattern) => pattern.test(text)));
}

/** The line's own source, unless a framework around it wraps that driver; else the text's. */
export function errorSourceAt(line: string, context: string): ErrorSource | undefined {
  const own = errorSourceOf(line);
  const around = errorSourceOf(context);
  if (own === undefined) {
    return around;
  }
  const wrapper: ErrorSource | undefined = around;
  return wrapper?.wraps?.includes(own.id) ? wrapper : own;
}
