// The probe's result from what the sessions logged: per-session analysis, exact totals, the verdict.
// Pure, so the real probe and the tests' synthetic timelines produce results the same way.
import { randomUUID } from 'node:crypto';
import { analyzeSessions, lastEventUs } from './analyzeSessions';
import { explainProbe } from './explainProbe';
import { journalFamily } from './lockModel';
import { probeResultSchema, type ProbeConfig, type ProbeResult, type WalSample } from './probeTypes';
import type { SessionLog } from './sessionLog';

export function probeResult(
  config: ProbeConfig,
  sqliteVersion: string,
  logs: readonly SessionLog[],
  /** Rows of the probe's table found in the file afterwards. */
  rowsFound: number,
  extras: { walBytes?: WalSample[]; id?: string } = {},
): ProbeResult {
  const id = extras.id ?? randomUUID();
  const sessions = analyzeSessions(logs, journalFamily(config.journalMode));
  const errorCounts: Record<string, number> = {};
  for (const log of logs) {
    for (const [code, count] of log.errorCounts) {
      errorCounts[code] = (errorCounts[code] ?? 0) + count;
    }
  }
  return {
    schema: probeResultSchema,
    id,
    config,
    sqliteVersion,
    durationMs: lastEventUs(logs) / 1000,
    sessions,
    summarised: sessions.some(
      (session) => session.eventCount > session.events.length || session.spanResolutionUs !== undefined,
    ),
    errorCounts,
    rows: {
      attempted: sessions.reduce((sum, session) => sum + session.rows.attempted, 0),
      committed: sessions.reduce((sum, session) => sum + session.rows.committed, 0),
      found: rowsFound,
    },
    ...(extras.walBytes ? { walBytes: extras.walBytes } : {}),
    verdict: explainProbe(config, sessions, extras.walBytes),
  };
}
