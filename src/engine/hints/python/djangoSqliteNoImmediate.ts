// django-sqlite-no-immediate: a SQLite database in Django settings without
// `"OPTIONS": {"transaction_mode": "IMMEDIATE"}` (Django >= 5.1). Django's atomic blocks then begin
// DEFERRED: one that reads before it writes fails at once with "database is locked" when another
// request writes, whatever the timeout.
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import { appendToDictionary, djangoSqliteDatabases, quoteOf } from './djangoDatabases';
import { dictionaryPairs, stringValue } from './pythonSyntax';

export const djangoSqliteNoImmediate: HintRule = {
  info: {
    id: 'django-sqlite-no-immediate',
    languages: ['python'],
    message:
      'SQLite database without "transaction_mode": "IMMEDIATE": a transaction that reads before it writes fails at once with "database is locked" when another request writes.',
    severity: 'information',
    fix: 'Add "OPTIONS": {"transaction_mode": "IMMEDIATE"} to the database settings (Django 5.1 or later).',
    scenario: {
      preset: 'upgrade',
      model: 'processes',
      client: 'django',
      shows:
        'The deferred transaction that read first fails on its write at once, while the writer holds its lock.',
    },
  },
  check({ tree, file }) {
    if (tree === undefined) {
      return [];
    }
    const findings: RawFinding[] = [];
    for (const database of djangoSqliteDatabases(tree.rootNode)) {
      const q = quoteOf(database.engine);
      const options = database.entries.find((entry) => entry.key === 'OPTIONS');
      let fix: { range: RawFinding['range']; newText: string } | undefined;
      if (options === undefined) {
        fix = appendToDictionary(
          database.settings,
          `${q}OPTIONS${q}: {${q}transaction_mode${q}: ${q}IMMEDIATE${q}}`,
          file.text,
        );
      } else if (options.value.type === 'dictionary') {
        const mode = dictionaryPairs(options.value).find((entry) => entry.key === 'transaction_mode');
        if (mode === undefined) {
          fix = appendToDictionary(options.value, `${q}transaction_mode${q}: ${q}IMMEDIATE${q}`, file.text);
        } else if (stringValue(mode.value)?.toUpperCase() === 'DEFERRED') {
          fix = { range: rangeOf(mode.value), newText: `${q}IMMEDIATE${q}` };
        }
        // IMMEDIATE or EXCLUSIVE already, or a value computed by code: nothing to say.
      }
      // OPTIONS built by code (a name, dict(...)): it may set transaction_mode; say nothing.
      if (fix !== undefined) {
        findings.push({
          range: rangeOf(database.engine),
          quickFix: { title: 'Begin transactions IMMEDIATE (Django >= 5.1)', ...fix },
        });
      }
    }
    return findings;
  },
};
