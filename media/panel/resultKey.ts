// Every state from the host is a fresh copy, so "is this the same result?" is answered from what
// identifies a run (the scratch copy's path is new each time) rather than by identity. The same key
// lets the page keep one result object and skip re-drawing its timeline and re-saving it.
import type { ProbeResult } from '../../src/engine/probe/probeTypes';

export function resultKey(result: ProbeResult | null): string {
  if (result === null) {
    return 'none';
  }
  const { config, rows } = result;
  return [
    config.database,
    config.target,
    config.preset,
    config.model,
    config.journalMode,
    config.busyTimeoutMs,
    config.begin ?? '',
    result.durationMs,
    result.sessions.length,
    rows.attempted,
    rows.committed,
    rows.found,
    JSON.stringify(result.errorCounts),
  ].join('|');
}
