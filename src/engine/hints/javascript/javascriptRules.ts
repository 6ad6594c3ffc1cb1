// The javascript rules, in the order docs/hints.md lists them.
import type { HintRule } from '../hintRule';
import { betterSqlite3DeferredTransaction } from './betterSqlite3DeferredTransaction';
import { databaseSyncNoTimeout } from './databaseSyncNoTimeout';
import { nodeSqlite3NoBusyTimeout } from './nodeSqlite3NoBusyTimeout';
import { prismaSqliteConcurrentWriters } from './prismaSqliteConcurrentWriters';

export const javascriptRules: readonly HintRule[] = [
  databaseSyncNoTimeout,
  betterSqlite3DeferredTransaction,
  nodeSqlite3NoBusyTimeout,
  prismaSqliteConcurrentWriters,
];
