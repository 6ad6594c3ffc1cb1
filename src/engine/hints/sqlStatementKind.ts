// What an SQL text does to a transaction, from its first keywords (the text comes from a string
// literal the tree found; only its leading keywords are read). Shared by the Python, JavaScript and Go
// rules that look for a read followed by a write.
export type SqlStatementKind = 'begin-deferred' | 'begin-locking' | 'end' | 'read' | 'write' | 'other';

export function sqlStatementKind(sql: string): SqlStatementKind {
  const words = sql
    .replace(/^(\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '')
    .split(/[\s;(]+/, 3)
    .map((word) => word.toUpperCase());
  switch (words[0]) {
    case 'BEGIN':
      return words[1] === 'IMMEDIATE' || words[1] === 'EXCLUSIVE' ? 'begin-locking' : 'begin-deferred';
    case 'COMMIT':
    case 'END':
      return 'end';
    case 'ROLLBACK':
      // ROLLBACK TO <savepoint> keeps the transaction open.
      return words[1] === 'TO' || (words[1] === 'TRANSACTION' && words[2] === 'TO') ? 'other' : 'end';
    case 'SELECT':
    case 'VALUES':
      return 'read';
    case 'WITH':
      // A common table expression ends in the statement that decides.
      return /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql) ? 'write' : 'read';
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'REPLACE':
      return 'write';
    default:
      return 'other';
  }
}

/** The kind of each statement of a script (an `exec` text), split on semicolons, in order. */
export function sqlScriptKinds(sql: string): SqlStatementKind[] {
  return sql
    .split(';')
    .filter((statement) => statement.trim() !== '')
    .map(sqlStatementKind);
}
