// One level of a sweep from its probe's request records: what a load test reports for that concurrency.
import { nearestRank } from '../load/percentiles';
import type { ProbeResult } from '../probe/probeTypes';
import type { SweepLevel } from './sweepTypes';

export function sweepLevel(clients: number, result: ProbeResult): SweepLevel {
  const records = result.requests ?? [];
  const lockErrors: Record<string, number> = {};
  for (const record of records) {
    if (record.outcome === 'failed') {
      const code = record.code ?? 'ERROR';
      lockErrors[code] = (lockErrors[code] ?? 0) + 1;
    }
  }
  const latencies = records.map((record) => record.endMs - record.startMs).sort((a, b) => a - b);
  const succeeded = records.filter((record) => record.outcome === 'succeeded').length;
  return {
    clients,
    requests: records.length,
    succeeded,
    failed: records.length - succeeded,
    lockErrors,
    latencyMs: {
      p50: roundMs(nearestRank(latencies, 50)),
      p95: roundMs(nearestRank(latencies, 95)),
      max: roundMs(latencies.length === 0 ? NaN : latencies[latencies.length - 1]),
    },
    wallMs: roundMs(records.reduce((end, record) => Math.max(end, record.endMs), 0)),
  };
}

/** Tenths of a ms; 0 for a level without requests (a cancelled one). */
function roundMs(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.round(ms * 10) / 10;
}
