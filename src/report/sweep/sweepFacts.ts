// What a sweep ran and what each level gave, as text cells: one source for the HTML page's table and
// the panel's table under the headroom chart (its text alternative for screen readers).
import type { SweepResult } from '../../engine/sweep/sweepTypes';
import { formatMs } from '../../engine/text/formatMs';
import { formatRate, successRate } from './headroomGeometry';

/** [label, value] pairs: what ran, on what. */
export function sweepFacts(result: SweepResult): [string, string][] {
  return [
    ['database', result.database],
    result.scenarioFile !== undefined ? ['scenario', result.scenarioFile] : ['preset', result.preset ?? '?'],
    ['model', result.model],
    ['journal', result.journalMode],
    ['busy timeout', formatMs(result.busyTimeoutMs)],
    ...(result.begin === undefined ? [] : [['begin', result.begin] as [string, string]]),
  ];
}

export const sweepLevelHeader = [
  'Clients',
  'Requests',
  'Succeeded',
  'Failed',
  'Success',
  'p50',
  'p95',
  'Max',
  'Lock errors',
] as const;

/** Columns of sweepLevelHeader that hold numbers (right-aligned). */
export const sweepNumericColumns: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];

export function sweepLevelRows(result: SweepResult): string[][] {
  return result.levels.map((level) => {
    const errors = Object.entries(level.lockErrors)
      .filter(([, count]) => count > 0)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ');
    return [
      String(level.clients),
      String(level.requests),
      String(level.succeeded),
      String(level.failed),
      formatRate(successRate(level)),
      formatMs(level.latencyMs.p50),
      formatMs(level.latencyMs.p95),
      formatMs(level.latencyMs.max),
      errors === '' ? '—' : errors,
    ];
  });
}
