// Which lines of an app's output report a lock error, and of which kind: real-world lines from public
// issue threads (Python sqlite3/SQLAlchemy/Django, Rails, Go, Node, Prisma) and lines that must not count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLockError, type LockErrorKind } from '../src/engine/appOutput/lockErrorKinds';

const lockErrorLines: [string, string, LockErrorKind][] = [
  ['Python sqlite3', 'sqlite3.OperationalError: database is locked', 'database is locked'],
  [
    'SQLAlchemy',
    'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked',
    'database is locked',
  ],
  [
    'SQLAlchemy with its SQL',
    'OperationalError: (sqlite3.OperationalError) database is locked [SQL: CREATE TABLE IF NOT EXISTS apps (id INTEGER PRIMARY KEY)] (Background on this error at: https://sqlalche.me/e/14/e3q8)',
    'database is locked',
  ],
  ['Django', 'django.db.utils.OperationalError: database is locked', 'database is locked'],
  [
    'Rails',
    'ActiveRecord::StatementInvalid: SQLite3::BusyException: database is locked: UPDATE "phone_calls" SET "status" = \'queued\'',
    'database is locked',
  ],
  [
    'Rails, commit',
    'ActiveRecord::StatementInvalid (SQLite3::BusyException: database is locked: commit transaction):',
    'database is locked',
  ],
  ['Go, mattn/go-sqlite3', 'level=error msg="save failed" error="database is locked"', 'database is locked'],
  [
    'Go, modernc.org/sqlite',
    'Msg: ERROR error checking for new chat messages error="database is locked (5) (SQLITE_BUSY)"',
    'SQLITE_BUSY',
  ],
  [
    'Go, wrapped',
    'writing settings: upserting into startup_settings: database is locked (5) (SQLITE_BUSY)',
    'SQLITE_BUSY',
  ],
  ['Node, node-sqlite3', 'Error: SQLITE_BUSY: database is locked', 'SQLITE_BUSY'],
  [
    'Node, node-sqlite3 error object',
    "Error when updating recipe table: { [Error: SQLITE_BUSY: database is locked] errno: 5, code: 'SQLITE_BUSY' }",
    'SQLITE_BUSY',
  ],
  ['Node, better-sqlite3', 'SqliteError: database is locked', 'database is locked'],
  ['better-sqlite3 code', "  code: 'SQLITE_BUSY_SNAPSHOT'", 'SQLITE_BUSY_SNAPSHOT'],
  ['busy timeout in the kernel (3.50+)', 'Error: SQLITE_BUSY_TIMEOUT: database is locked', 'SQLITE_BUSY'],
  ['Python, table', 'sqlite3.OperationalError: database table is locked: items', 'database table is locked'],
  ['Go, shared cache schema', 'database schema is locked: main', 'database table is locked'],
  ['shared cache code', 'sqlite error: SQLITE_LOCKED_SHAREDCACHE', 'SQLITE_LOCKED'],
  [
    'Prisma 2-4',
    'ConnectorError(ConnectorError { user_facing_error: None, kind: ConnectionError(Timed out during query execution.) })',
    'prisma timeout',
  ],
  [
    'Prisma, socket timeout',
    'PrismaClientKnownRequestError: Socket timeout (the database failed to respond to a query within the configured timeout — see https://pris.ly/d/sqlite-connector for more details.). Database: /app/dev.db',
    'prisma timeout',
  ],
  [
    'Prisma 5.16+',
    'Operations timed out after `N/A`. Context: The database failed to respond to a query within the configured timeout — see https://pris.ly/d/sqlite-connector for more details. Database: /app/prisma/dev.db',
    'prisma timeout',
  ],
  [
    'an error that names the busy timeout',
    'ERROR: database is locked (busy_timeout=5000 ms exceeded)',
    'database is locked',
  ],
];

const otherLines: [string, string][] = [
  ['the pragma', 'PRAGMA busy_timeout = 5000'],
  ['a start-up note', "INFO: setting busy_timeout to 5000 ms to avoid 'database is locked'"],
  ['a Node option', 'opening app.db with { busyTimeout: 5000 } (SQLITE_BUSY waits)'],
  ['uvicorn', 'INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)'],
  ['an access log', '127.0.0.1 - "GET /session_b HTTP/1.1" 500 -'],
  ['a traceback frame', '  File "/usr/lib/python3.11/sqlite3/dbapi2.py", line 12, in execute'],
  ['another lock', 'user account locked after 3 attempts'],
  [
    "Prisma's MySQL timeout",
    'Socket timeout (the database failed to respond to a query within the configured timeout — see https://pris.ly/d/mysql-connector for more details.)',
  ],
  ['an empty line', ''],
];

for (const [source, line, kind] of lockErrorLines) {
  test(`lock error: ${source}`, () => {
    assert.equal(classifyLockError(line), kind, line);
  });
}

for (const [what, line] of otherLines) {
  test(`not a lock error: ${what}`, () => {
    assert.equal(classifyLockError(line), undefined, line);
  });
}
