// django-sqlite-timeout-misplaced: `"timeout"` at the top level of a SQLite database's settings.
// Django ignores keys it does not know there; the busy timeout is passed to sqlite3.connect only from
// OPTIONS, so the app keeps sqlite3's default of 5 s while its author believes otherwise.
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import { djangoSqliteDatabases } from './djangoDatabases';

export const djangoTimeoutMisplaced: HintRule = {
  info: {
    id: 'django-sqlite-timeout-misplaced',
    languages: ['python'],
    message:
      'Django ignores "timeout" here: the busy timeout stays at the default 5 s. It belongs in "OPTIONS": {"timeout": ...}.',
    severity: 'warning',
    fix: 'Move the timeout into OPTIONS: "OPTIONS": {"timeout": 20} (seconds).',
  },
  check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const findings: RawFinding[] = [];
    for (const database of djangoSqliteDatabases(tree.rootNode)) {
      for (const entry of database.entries) {
        if (entry.key.toLowerCase() === 'timeout') {
          findings.push({ range: rangeOf(entry.pair) });
        }
      }
    }
    return findings;
  },
};
