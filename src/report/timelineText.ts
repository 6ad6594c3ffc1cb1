// The words of the timeline: tooltips, in-lane labels and the summary a screen reader announces.
import type { ProbeResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';
import type { BarBatch, BarMark, PointMark } from './laneMarks';
import type { DrawnState, LaneEvent } from './timelineModel';
import { errorCountRows, outcomeCounts, sessionRows, describeOutcome } from './resultTables';

/** "waiting for RESERVED", or with the lock already held: "waiting for RESERVED (holds SHARED)". */
export function describeWait(waitingFor: DrawnState, holding: DrawnState): string {
  return holding === 'none' ? `waiting for ${waitingFor}` : `waiting for ${waitingFor} (holds ${holding})`;
}

function range(fromUs: number, toUs: number): string {
  return `${formatMs(fromUs / 1000)} – ${formatMs(toUs / 1000)}`;
}

function stateOf(bar: { lock: BarMark['lock']; waitingFor?: BarMark['lock'] }): string {
  return bar.waitingFor === undefined ? bar.lock : describeWait(bar.waitingFor, bar.lock);
}

/** "B: RESERVED, 100 ms – 5.50 s (5.40 s)"; merged spans say how many and their total. */
export function barTooltip(session: string, bar: BarMark): string {
  const state = stateOf(bar);
  if (bar.count === 1) {
    return `${session}: ${state}, ${range(bar.fromUs, bar.toUs)} (${formatMs(bar.totalUs / 1000)})`;
  }
  return `${session}: ${state} ×${bar.count}, ${range(bar.fromUs, bar.toUs)} (${formatMs(bar.totalUs / 1000)} in all)`;
}

export function batchTooltip(session: string, batch: BarBatch): string {
  const count = batch.bars.reduce((sum, bar) => sum + bar.count, 0);
  const totalUs = batch.bars.reduce((sum, bar) => sum + bar.totalUs, 0);
  const first = batch.bars[0];
  const last = batch.bars[batch.bars.length - 1];
  return `${session}: ${count} short spans ${stateOf(batch)}, ${range(first.fromUs, last.toUs)} (${formatMs(totalUs / 1000)} in all, ${formatMs(totalUs / 1000 / count)} each on average)`;
}

/** A dense lane's bar over neighbouring pixel columns: "B: RESERVED, 1.20 s – 1.50 s (the strongest
 * lock in each pixel; 312 spans here)". */
export function columnRunTooltip(
  session: string,
  state: string,
  fromUs: number,
  toUs: number,
  spans: number,
): string {
  const what = state === 'waiting' ? 'a wait' : 'the strongest lock';
  return `${session}: ${state}, ${range(fromUs, toUs)} (${what} in each pixel; ${spans} span${spans === 1 ? '' : 's'} here)`;
}

/** A dense lane's narrow bars of one state, drawn as one path. */
export function columnBatchTooltip(
  session: string,
  state: string,
  stretches: number,
  fromUs: number,
  toUs: number,
): string {
  const what = state === 'waiting' ? 'waiting' : `${state} as the strongest lock`;
  return `${session}: ${what} in ${stretches} short stretch${stretches === 1 ? '' : 'es'}, ${range(fromUs, toUs)} (too many spans to draw one by one at this width)`;
}

function errorLine(event: LaneEvent): string {
  const code = event.code ?? 'error';
  const errno = event.errno === undefined ? '' : ` (${event.errno})`;
  const after = event.elapsedUs === undefined ? '' : ` after ${formatMs(event.elapsedUs / 1000)}`;
  const message = event.message ? ` — ${event.message}` : '';
  return `${code}${errno}${after} at ${formatMs(event.tUs / 1000)}${message}`;
}

export function errorTooltip(session: string, point: PointMark): string {
  const lines = point.events.slice(0, 5).map(errorLine);
  const more = point.events.length > 5 ? [`… and ${point.events.length - 5} more`] : [];
  return [
    `${session}: ${point.events.length > 1 ? `${point.events.length} errors` : 'error'}`,
    ...lines,
    ...more,
  ].join('\n');
}

/**
 * Longest first: the lane shows the first one that fits. "SQLITE_BUSY after 5.00 s", "SQLITE_BUSY";
 * for errors too close to tell apart, "SQLITE_BUSY ×14".
 */
export function errorLabels(point: PointMark): string[] {
  const codes = new Set(point.events.map((event) => event.code ?? 'error'));
  const [code] = codes;
  if (point.events.length > 1) {
    return [codes.size === 1 ? `${code} ×${point.events.length}` : `${point.events.length} errors`];
  }
  const event = point.events[0];
  const when =
    event.elapsedUs === undefined
      ? `at ${formatMs(event.tUs / 1000)}`
      : `after ${formatMs(event.elapsedUs / 1000)}`;
  return [`${code} ${when}`, code];
}

export function commitTooltip(session: string, points: PointMark[]): string {
  const events = points.flatMap((point) => point.events);
  if (events.length === 1) {
    return `${session}: commit at ${formatMs(events[0].tUs / 1000)}`;
  }
  return `${session}: ${events.length} commits, ${range(events[0].tUs, events[events.length - 1].tUs)}`;
}

/** Longest first, for a bar's inside. */
export function barLabels(bar: { lock: BarMark['lock']; waitingFor?: BarMark['lock'] }): string[] {
  return bar.waitingFor === undefined ? [bar.lock] : [`waiting for ${bar.waitingFor}`, 'waiting'];
}

/** What a screen reader says for the whole chart. */
export function timelineSummary(result: ProbeResult): string {
  const sessions = result.sessions.length;
  const head = `Lock timeline of ${sessions} session${sessions === 1 ? '' : 's'} over ${formatMs(result.durationMs)}`;
  const errors = errorCountRows(result)
    .map((row) => `${row.code} ×${row.count}`)
    .join(', ');
  const errorPart = errors ? `; errors: ${errors}` : '; no errors';
  if (sessions <= 4) {
    const each = sessionRows(result).map((row) => `${row.name} ${describeOutcome(row)}`);
    return `${head}: ${each.join(', ')}${errorPart}.`;
  }
  const counts = outcomeCounts(result);
  const parts = [`${counts.committed} committed`, `${counts.failed} failed`];
  if (counts.rolledback > 0) {
    parts.push(`${counts.rolledback} rolled back`);
  }
  return `${head}: ${parts.join(', ')}${errorPart}.`;
}
