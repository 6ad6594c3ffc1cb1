// One sentence for a failed SQLite call, in the words a user understands.
import { isBusyCode } from './sqliteCodes';
export function describeSqliteFailure(error: unknown, busyTimeoutMs: number): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : undefined;
  if (code !== undefined && isBusyCode(code)) {
    return `another connection held a lock for longer than the busy timeout (${busyTimeoutMs} ms)`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
