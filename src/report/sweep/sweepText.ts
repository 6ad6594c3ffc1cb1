// The sweep in the terminal: one line of facts, then a table with a row per concurrency level, and where
// the headroom ends. Rows have fixed widths so the command can print each level as it completes.
import type { SweepLevel, SweepResult } from '../../engine/sweep/sweepTypes';
import { formatMs } from '../../engine/text/formatMs';
import { printable } from '../plainText';

const columns = [
  { title: 'Clients', width: 7 },
  { title: 'Requests', width: 8 },
  { title: 'OK', width: 5 },
  { title: 'Failed', width: 6 },
  { title: 'Success', width: 7 },
  { title: 'p50', width: 8 },
  { title: 'p95', width: 8 },
  { title: 'Max', width: 8 },
  { title: 'Wall', width: 8 },
] as const;

export interface SweepHeading {
  database: string;
  preset?: string;
  scenarioFile?: string;
  model: string;
  busyTimeoutMs: number;
  requests: number;
}

export function sweepHeading(heading: SweepHeading): string {
  const what = heading.preset ?? heading.scenarioFile ?? '';
  const facts = `Sweep of ${printable(heading.database)}: ${printable(what)}, ${heading.requests} requests per level, model ${heading.model}, busy timeout ${heading.busyTimeoutMs} ms`;
  const titles = columns.map((column) => column.title.padStart(column.width)).join('  ');
  return `${facts}\n\n${titles}  Lock errors\n`;
}

export function sweepRow(level: SweepLevel): string {
  const rate = level.requests === 0 ? '-' : `${Math.round((level.succeeded / level.requests) * 100)} %`;
  const cells = [
    String(level.clients),
    String(level.requests),
    String(level.succeeded),
    String(level.failed),
    rate,
    formatMs(level.latencyMs.p50),
    formatMs(level.latencyMs.p95),
    formatMs(level.latencyMs.max),
    formatMs(level.wallMs),
  ];
  const errors = Object.entries(level.lockErrors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${printable(code)} ${count}`)
    .join(', ');
  return `${cells.map((cell, index) => cell.padStart(columns[index].width)).join('  ')}  ${errors || 'none'}\n`;
}

export function sweepConclusion(result: SweepResult): string {
  if (result.levels.length === 0) {
    return '';
  }
  const last = result.levels[result.levels.length - 1];
  return result.firstFailingClients === undefined
    ? `\nEvery request succeeded up to ${last.clients} clients at a time (journal ${result.journalMode}).\n`
    : `\nHeadroom ends at ${result.firstFailingClients} clients: from there some requests fail (journal ${result.journalMode}).\n`;
}

export function renderSweepText(result: SweepResult, requests: number): string {
  return (
    sweepHeading({ ...result, requests }) + result.levels.map(sweepRow).join('') + sweepConclusion(result)
  );
}
