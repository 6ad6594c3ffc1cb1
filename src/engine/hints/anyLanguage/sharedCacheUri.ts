// shared-cache-uri: an SQLite URI with `cache=shared`. Connections that share a cache lock tables
// against each other and get SQLITE_LOCKED ("database table is locked"), which the busy timeout never
// waits out (mattn/go-sqlite3#632; sqlite.org/sharedcache.html discourages the mode).
import { rangeOf, type HintRule } from '../hintRule';
import { stringLiteralTypes } from '../stringLiteral';
import { isReadable } from '../syntaxTree';
import { sqliteUriOf } from './sqliteUri';

export const sharedCacheUri: HintRule = {
  info: {
    id: 'shared-cache-uri',
    languages: ['python', 'javascript', 'typescript', 'tsx', 'go'],
    message:
      'This SQLite URI turns on shared-cache mode: connections then fail with SQLITE_LOCKED ("database table is locked"), which no busy timeout waits out.',
    severity: 'warning',
    fix: 'Remove `cache=shared` and give each connection a busy timeout; to share an in-memory database, name it on the memdb VFS (`file:/name?vfs=memdb`) or use a temporary file.',
    scenario: {
      preset: 'shared-cache',
      model: 'threads',
      shows:
        'While one shared-cache connection writes, the other fails with SQLITE_LOCKED at once despite its busy timeout; a connection with a cache of its own reads.',
    },
  },
  check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    return tree.rootNode.descendantsOfType([...stringLiteralTypes]).flatMap((literal) => {
      const uri = sqliteUriOf(literal);
      return uri?.parameters.get('cache')?.toLowerCase() === 'shared' && isReadable(literal)
        ? [{ range: rangeOf(literal) }]
        : [];
    });
  },
};
