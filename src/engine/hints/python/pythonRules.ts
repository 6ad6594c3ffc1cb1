// The python rules, in the order docs/hints.md lists them.
import type { HintRule } from '../hintRule';
import { deferredReadThenWrite } from './deferredReadThenWrite';
import { djangoSqliteNoImmediate } from './djangoSqliteNoImmediate';
import { djangoTimeoutMisplaced } from './djangoTimeoutMisplaced';
import { sqlite3TimeoutZero } from './sqlite3TimeoutZero';
import { syncCallInAsync } from './syncCallInAsync';

export const pythonRules: readonly HintRule[] = [
  syncCallInAsync,
  sqlite3TimeoutZero,
  deferredReadThenWrite,
  djangoSqliteNoImmediate,
  djangoTimeoutMisplaced,
];
