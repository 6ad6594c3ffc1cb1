// django-sqlite-timeout-misplaced: a busy timeout where Django never reads it. Django passes only a
// database's OPTIONS to sqlite3.connect, so `"timeout"` at the top level of a SQLite database's
// settings is ignored, and `DATABASES["OPTIONS"]` is taken for a database alias: either way the app
// keeps sqlite3's default of 5 s while its author believes otherwise (opensafely-core/opencodelists#2344).
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import { databasesDictionaries, djangoSqliteDatabases } from './djangoDatabases';
import { dictionaryPairs } from './pythonSyntax';

export const djangoTimeoutMisplaced: HintRule = {
  info: {
    id: 'django-sqlite-timeout-misplaced',
    languages: ['python'],
    message:
      'Django ignores "timeout" here: the busy timeout stays at the default 5 s. It belongs in the database\'s "OPTIONS": {"timeout": ...}.',
    severity: 'warning',
    fix: 'Move the timeout into the database\'s OPTIONS: DATABASES["default"]["OPTIONS"] = {"timeout": 20} (seconds).',
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
    // DATABASES = {"default": ..., "OPTIONS": {"timeout": 90}}: "OPTIONS" is read as a database alias.
    for (const dictionary of databasesDictionaries(tree.rootNode)) {
      const options = dictionaryPairs(dictionary).find((entry) => entry.key === 'OPTIONS');
      const timeout =
        options?.value.type === 'dictionary'
          ? dictionaryPairs(options.value).find((entry) => entry.key === 'timeout')
          : undefined;
      if (timeout !== undefined) {
        findings.push({
          range: rangeOf(timeout.pair),
          message:
            'Django reads OPTIONS per database: DATABASES["OPTIONS"] is taken for a database named "OPTIONS", so this timeout is never applied (the default 5 s stays).',
        });
      }
    }
    return findings;
  },
};
