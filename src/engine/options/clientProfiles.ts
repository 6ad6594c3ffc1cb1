// What common SQLite drivers do by default, as the probe can express it: the busy timeout, the BEGIN
// their transactions use, and whether that BEGIN comes only before the first write (Python's sqlite3).
// Each default names its source (the driver's docs or code, and the version it holds for); those of the
// clients installed here are measured by test/clientProfiles.test.ts. Pure: the webview reads it too.
// docs/clients.md is the same table for readers.
import type { BeginMode } from './beginChoices';
import { choiceList, type ValueOf } from './choiceList';

export const clientProfiles = choiceList('none', [
  {
    value: 'none',
    label: 'none: the probe’s own settings',
    description: 'No driver profile: the busy timeout and BEGIN are the probe’s settings.',
  },
  {
    value: 'c-api',
    label: 'SQLite C API (and the sqlite3 shell)',
    description: 'Busy timeout 0 (no busy handler); BEGIN is DEFERRED.',
  },
  {
    value: 'python-sqlite3',
    label: 'Python sqlite3',
    description:
      'timeout=5.0 s; with the default isolation_level a DEFERRED BEGIN is issued just before the first INSERT/UPDATE/DELETE, so earlier reads run outside the transaction.',
  },
  {
    value: 'better-sqlite3',
    label: 'better-sqlite3 (Node)',
    description: 'timeout 5000 ms; db.transaction() issues BEGIN (DEFERRED).',
  },
  {
    value: 'node-sqlite',
    label: 'node:sqlite (Node)',
    description:
      'timeout 0 ms unless the timeout option is given; no transaction helper, so BEGIN is DEFERRED.',
  },
  {
    value: 'go-mattn',
    label: 'Go mattn/go-sqlite3',
    description: '_busy_timeout 5000 ms; database/sql transactions BEGIN DEFERRED unless _txlock=immediate.',
  },
  {
    value: 'go-modernc',
    label: 'Go modernc.org/sqlite',
    description:
      'No busy timeout unless the DSN has _pragma=busy_timeout(ms); transactions BEGIN DEFERRED unless _txlock=immediate.',
  },
  {
    value: 'django',
    label: 'Django (default)',
    description: 'Python’s timeout (5 s); atomic() issues BEGIN (DEFERRED).',
  },
  {
    value: 'django-immediate',
    label: 'Django ≥ 5.1, transaction_mode IMMEDIATE',
    description: 'Python’s timeout (5 s); atomic() issues BEGIN IMMEDIATE.',
  },
  {
    value: 'rails',
    label: 'Rails ≥ 8.0',
    description: 'timeout: 5000 in the generated database.yml; transactions BEGIN IMMEDIATE.',
  },
] as const);

export type ClientChoice = ValueOf<typeof clientProfiles>;
export type ClientProfileName = Exclude<ClientChoice, 'none'>;

/** A default and where it is written down. */
export interface SourcedDefault<T> {
  readonly value: T;
  /** A URL to the driver's docs or code. */
  readonly source: string;
}

export interface ClientProfile {
  /** The versions the defaults hold for. */
  readonly versions: string;
  readonly busyTimeoutMs: SourcedDefault<number>;
  readonly begin: SourcedDefault<BeginMode>;
  /** True when the driver issues BEGIN only before the first write, so reads before it autocommit. */
  readonly beginsBeforeFirstWrite: SourcedDefault<boolean>;
  /** The real client a test measures the defaults of, when it is installed here. */
  readonly measuredWith?: 'python3 sqlite3' | 'better-sqlite3' | 'node:sqlite' | 'sqlite3 shell';
}

const sqliteBusyTimeoutDocs = 'https://www.sqlite.org/c3ref/busy_timeout.html';
const sqliteBeginDocs =
  'https://www.sqlite.org/lang_transaction.html#deferred_immediate_and_exclusive_transactions';
const pythonConnectDocs = 'https://docs.python.org/3/library/sqlite3.html#sqlite3.connect';
const pythonTransactionDocs =
  'https://docs.python.org/3/library/sqlite3.html#transaction-control-via-the-isolation-level-attribute';
const djangoDocs = 'https://docs.djangoproject.com/en/5.1/ref/databases/#sqlite-transaction-behavior';
const djangoTimeoutDocs = 'https://docs.djangoproject.com/en/5.1/ref/databases/#database-is-locked-errors';
const mattnReadme = 'https://github.com/mattn/go-sqlite3#connection-string';
const moderncDocs = 'https://pkg.go.dev/modernc.org/sqlite#Driver.Open';
const deferredFirstStatement = { value: false, source: sqliteBeginDocs };

export const clientProfileFacts: Readonly<Record<ClientProfileName, ClientProfile>> = {
  'c-api': {
    versions: 'SQLite 3 (all)',
    busyTimeoutMs: { value: 0, source: sqliteBusyTimeoutDocs },
    begin: { value: 'deferred', source: sqliteBeginDocs },
    beginsBeforeFirstWrite: deferredFirstStatement,
    measuredWith: 'sqlite3 shell',
  },
  'python-sqlite3': {
    versions: 'Python 3.6 to 3.14 (isolation_level, the default; autocommit=LEGACY_TRANSACTION_CONTROL)',
    busyTimeoutMs: { value: 5000, source: pythonConnectDocs },
    begin: { value: 'deferred', source: pythonTransactionDocs },
    beginsBeforeFirstWrite: { value: true, source: pythonTransactionDocs },
    measuredWith: 'python3 sqlite3',
  },
  'better-sqlite3': {
    versions: 'better-sqlite3 7 to 13',
    busyTimeoutMs: {
      value: 5000,
      source: 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#new-databasepath-options',
    },
    begin: {
      value: 'deferred',
      source:
        'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#transactionfunction---function',
    },
    beginsBeforeFirstWrite: deferredFirstStatement,
    measuredWith: 'better-sqlite3',
  },
  'node-sqlite': {
    versions: 'Node 22.5 and later (the timeout option since 22.16 and 24.0)',
    busyTimeoutMs: { value: 0, source: 'https://nodejs.org/api/sqlite.html#new-databasesyncpath-options' },
    begin: { value: 'deferred', source: sqliteBeginDocs },
    beginsBeforeFirstWrite: deferredFirstStatement,
    measuredWith: 'node:sqlite',
  },
  'go-mattn': {
    versions: 'mattn/go-sqlite3 1.14',
    busyTimeoutMs: { value: 5000, source: mattnReadme },
    begin: { value: 'deferred', source: mattnReadme },
    beginsBeforeFirstWrite: deferredFirstStatement,
  },
  'go-modernc': {
    versions: 'modernc.org/sqlite 1.x',
    busyTimeoutMs: { value: 0, source: moderncDocs },
    begin: { value: 'deferred', source: moderncDocs },
    beginsBeforeFirstWrite: deferredFirstStatement,
  },
  django: {
    versions: 'Django 4.2 to 5.x (Python’s sqlite3 underneath)',
    busyTimeoutMs: { value: 5000, source: djangoTimeoutDocs },
    begin: { value: 'deferred', source: djangoDocs },
    beginsBeforeFirstWrite: { value: false, source: djangoDocs },
  },
  'django-immediate': {
    versions: 'Django 5.1 and later, OPTIONS {"transaction_mode": "IMMEDIATE"}',
    busyTimeoutMs: { value: 5000, source: djangoTimeoutDocs },
    begin: { value: 'immediate', source: djangoDocs },
    beginsBeforeFirstWrite: { value: false, source: djangoDocs },
  },
  rails: {
    versions: 'Rails 8.0 and later (sqlite3 gem 2.x)',
    busyTimeoutMs: {
      value: 5000,
      source: 'https://guides.rubyonrails.org/configuring.html#configuring-an-sqlite3-database',
    },
    begin: { value: 'immediate', source: 'https://github.com/rails/rails/pull/50371' },
    beginsBeforeFirstWrite: { value: false, source: 'https://github.com/rails/rails/pull/50371' },
  },
};

/** The probe's settings for a profile; explicit values (a flag, a form field) win over the profile's. */
export function settingsForClient(
  client: ClientChoice,
  explicit: { busyTimeoutMs?: number; begin?: BeginMode },
): { busyTimeoutMs?: number; begin?: BeginMode; beginsBeforeFirstWrite: boolean } {
  if (client === 'none') {
    return { ...explicit, beginsBeforeFirstWrite: false };
  }
  const profile = clientProfileFacts[client];
  return {
    busyTimeoutMs: explicit.busyTimeoutMs ?? profile.busyTimeoutMs.value,
    begin: explicit.begin ?? profile.begin.value,
    beginsBeforeFirstWrite: profile.beginsBeforeFirstWrite.value,
  };
}
