// What an SQL text does to the locks, from its leading keyword: a read takes SHARED, a write needs
// RESERVED. Rules use it on SQL found in a string literal to tell a read-then-write transaction.
export type SqlStatementKind = 'read' | 'write' | 'other';

const writeKeywords = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'DROP', 'ALTER']);
const readKeywords = new Set(['SELECT', 'VALUES']);

/** The text without its leading SQL comments and blanks. */
function withoutLeadingComments(sql: string): string {
  return sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, '');
}

/** The kind of one statement (the first one when the text holds several). */
export function sqlStatementKind(sql: string): SqlStatementKind {
  const keyword = /^[A-Za-z]+/.exec(withoutLeadingComments(sql))?.[0].toUpperCase();
  if (keyword === undefined) {
    return 'other';
  }
  if (keyword === 'WITH') {
    // A common table expression ends in the statement that decides.
    return /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql) ? 'write' : 'read';
  }
  return writeKeywords.has(keyword) ? 'write' : readKeywords.has(keyword) ? 'read' : 'other';
}

/** The kinds of each statement of a script (`exec`), split on semicolons, in order. */
export function sqlScriptKinds(sql: string): SqlStatementKind[] {
  return sql
    .split(';')
    .filter((statement) => withoutLeadingComments(statement) !== '')
    .map(sqlStatementKind);
}
