// From the requests' outcomes and the two row counts to the numbers a user reads first, and the seed's
// check in one line: do successful requests map to rows added?
import type { LockErrorKind } from '../appOutput/lockErrorKinds';
import type { RowCount } from './countRows';
import { keptRequestOutcomes, type LoadCheck, type LoadResult, type RowsAdded } from './loadResult';
import { shownUrl } from './loadTarget';
import { latencySummary } from './percentiles';
import { isSuccess, type RequestOutcome } from './sendRequests';

export type RequestTally = Pick<
  LoadResult,
  | 'sent'
  | 'successful'
  | 'failed'
  | 'byStatus'
  | 'noResponse'
  | 'latencyMs'
  | 'perUrl'
  | 'lockErrorsInResponses'
  | 'outcomes'
  | 'droppedOutcomes'
>;

export function tallyRequests(outcomes: readonly RequestOutcome[], urls: readonly URL[]): RequestTally {
  const byStatus = new Map<number, number>();
  const noResponse = new Map<string, number>();
  const lockErrors: Partial<Record<LockErrorKind, number>> = {};
  const perUrl = urls.map((url) => ({ url: shownUrl(url), sent: 0, successful: 0, failed: 0 }));
  const latencies: number[] = [];
  for (const outcome of outcomes) {
    const entry = perUrl[outcome.url];
    entry.sent++;
    if (isSuccess(outcome)) {
      entry.successful++;
    } else {
      entry.failed++;
    }
    if (outcome.status === undefined) {
      const error = outcome.error ?? 'error';
      noResponse.set(error, (noResponse.get(error) ?? 0) + 1);
    } else {
      byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
      latencies.push(outcome.ms);
    }
    if (outcome.lockError !== undefined) {
      lockErrors[outcome.lockError] = (lockErrors[outcome.lockError] ?? 0) + 1;
    }
  }
  const successful = perUrl.reduce((sum, entry) => sum + entry.successful, 0);
  return {
    sent: outcomes.length,
    successful,
    failed: outcomes.length - successful,
    byStatus: [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => ({ status, count })),
    noResponse: [...noResponse].map(([error, count]) => ({ error, count })),
    latencyMs: latencySummary(latencies),
    perUrl,
    lockErrorsInResponses: lockErrors,
    outcomes: outcomes.slice(0, keptRequestOutcomes),
    droppedOutcomes: Math.max(0, outcomes.length - keptRequestOutcomes),
  };
}

export function rowsAdded(before: RowCount, after: RowCount): RowsAdded {
  if (before.kind === 'allTables' && after.kind === 'allTables') {
    const changes = Object.keys({ ...before.tables, ...after.tables })
      .map((table) => ({
        table,
        before: before.tables[table] ?? 0,
        after: after.tables[table] ?? 0,
      }))
      .map((change) => ({ ...change, added: change.after - change.before }))
      .filter((change) => change.added !== 0)
      .sort((a, b) => b.added - a.added || a.table.localeCompare(b.table));
    const grew = changes[0] !== undefined && changes[0].added > 0 ? changes[0] : undefined;
    return {
      counted: 'allTables',
      what: grew?.table ?? null,
      before: grew?.before ?? 0,
      after: grew?.after ?? 0,
      added: grew?.added ?? 0,
      otherTables: changes.filter((change) => change !== grew).map(({ table, added }) => ({ table, added })),
    };
  }
  if (before.kind === 'allTables' || after.kind === 'allTables') {
    throw new Error('row counts of different kinds');
  }
  const what = before.kind === 'sql' ? before.sql : before.kind === 'table' ? before.table : null;
  return {
    counted: before.kind,
    what,
    before: before.rows,
    after: after.rows,
    added: after.rows - before.rows,
    otherTables: [],
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "18 of 20 requests failed; 2 rows were added for 2 successful requests", and when rows added differ
 * from successful requests, by how much and what that can mean. */
export function loadCheck(
  tally: Pick<RequestTally, 'sent' | 'successful' | 'failed'>,
  rows: RowsAdded,
): LoadCheck {
  const requests =
    tally.failed === 0
      ? `All ${plural(tally.sent, 'request', 'requests')} succeeded`
      : `${tally.failed} of ${plural(tally.sent, 'request', 'requests')} failed`;
  const added = `${plural(rows.added, 'row was', 'rows were')} added`;
  const where = rows.counted === 'allTables' && rows.what !== null ? ` to ${rows.what}` : '';
  const text = `${requests}; ${added}${where} for ${plural(tally.successful, 'successful request', 'successful requests')}`;
  const difference = rows.added - tally.successful;
  if (difference === 0) {
    return { text, rowsMatchSuccesses: true };
  }
  const why =
    difference > 0
      ? `${plural(difference, 'row', 'rows')} more than successful requests: the app wrote rows for requests it answered with an error, a request writes more than one row, or something else wrote`
      : `${plural(-difference, 'row', 'rows')} fewer than successful requests: successful answers that wrote nothing (or rolled back), or rows deleted meanwhile`;
  return { text: `${text} — rows added ≠ successful requests (${why})`, rowsMatchSuccesses: false };
}
