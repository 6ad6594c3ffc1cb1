// What an SQL text does to a transaction, from its first keywords (the text comes from a string
// literal the tree found; only its leading keywords are read).
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
      return 'read';
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'REPLACE':
      return 'write';
    default:
      return 'other';
  }
}
