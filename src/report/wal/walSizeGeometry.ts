// The -wal file's size over a probe, as a step chart under the lock timeline: same width, same plot
// edges and the same time scale as the timeline's lanes (from its layout), so a bar and the WAL growth
// it caused line up. Samples are folded to one per pixel column (the largest), so the drawing is
// bounded by the width, not by the run's length. Pure: the panel and the static report share it.
import type { WalSample } from '../../engine/probe/probeTypes';
import { autoCheckpointWalBytes, pageSizeFromWalSizes } from '../../engine/locks/walFrames';
import { formatBytes } from '../../engine/text/formatBytes';
import { formatMs } from '../../engine/text/formatMs';
import { formatTick, timeTicks } from '../timeAxis';

/** The timeline's horizontal frame (src/report/timelineLayout.ts). */
export interface TimeFrame {
  width: number;
  plotX0: number;
  plotX1: number;
  endUs: number;
}

export interface WalSizeGeometry {
  width: number;
  height: number;
  plotX0: number;
  plotX1: number;
  plotTop: number;
  plotBottom: number;
  /** The step line, and the same closed down to the axis for the area under it. */
  linePath: string;
  areaPath: string;
  byteTicks: { y: number; label: string }[];
  timeTicks: { x: number; label: string }[];
  timeLabelY: number;
  /** The default auto-checkpoint size, when the page size is known (from the sizes) and in range. */
  autoCheckpoint?: { y: number; bytes: number; label: string };
  peak: { x: number; y: number; bytes: number; atMs: number; label: string };
  /** One sentence for aria-label: from what to what the WAL grew. */
  summary: string;
}

const plotTop = 26;
const plotHeight = 72;

export function walSizeGeometry(
  samples: readonly WalSample[],
  frame: TimeFrame,
): WalSizeGeometry | undefined {
  const usable = samples
    .filter((sample) => Number.isFinite(sample.atMs) && Number.isFinite(sample.bytes) && sample.bytes >= 0)
    .sort((a, b) => a.atMs - b.atMs);
  if (usable.length < 2) {
    return undefined;
  }
  const { width, plotX0, plotX1 } = frame;
  const endMs = Math.max(frame.endUs / 1000, usable.at(-1)?.atMs ?? 0, 1e-3);
  const x = (ms: number) => plotX0 + (Math.max(0, ms) / endMs) * (plotX1 - plotX0);

  const peakSample = usable.reduce((most, sample) => (sample.bytes > most.bytes ? sample : most));
  const pageSize = pageSizeFromWalSizes(usable.map((sample) => sample.bytes));
  const threshold = pageSize === undefined ? undefined : autoCheckpointWalBytes(pageSize);
  // The threshold joins the scale only when the WAL came near it: far below, it would flatten the line.
  const showThreshold = threshold !== undefined && peakSample.bytes >= threshold / 4;
  const top = Math.max(1, peakSample.bytes, showThreshold ? threshold : 0) * 1.08;
  const plotBottom = plotTop + plotHeight;
  const y = (bytes: number) => plotBottom - (bytes / top) * plotHeight;

  // One point per pixel column (its largest size), in time order.
  const columns: { x: number; bytes: number }[] = [];
  for (const sample of usable) {
    const column = Math.round(x(sample.atMs));
    const last = columns.at(-1);
    if (last !== undefined && last.x === column) {
      last.bytes = Math.max(last.bytes, sample.bytes);
    } else {
      columns.push({ x: column, bytes: sample.bytes });
    }
  }
  const steps = columns.map((column, index) => {
    const yText = round(y(column.bytes));
    return index === 0 ? `M${column.x} ${yText}` : `H${column.x}V${yText}`;
  });
  const linePath = steps.join('');
  const areaPath = `${linePath}V${plotBottom}H${columns[0].x}Z`;

  const ticks = timeTicks(endMs, Math.max(2, Math.floor((plotX1 - plotX0) / 70)));
  const firstBytes = usable[0].bytes;
  const summary =
    `The -wal file grew from ${formatBytes(firstBytes)} to ${formatBytes(peakSample.bytes)} ` +
    `(largest at ${formatMs(peakSample.atMs)})` +
    (threshold === undefined
      ? '.'
      : `; the default wal_autocheckpoint (1000 pages of ${formatBytes(pageSize ?? 0)}) restarts it at about ${formatBytes(threshold)}.`);
  return {
    width,
    height: plotBottom + 22,
    plotX0,
    plotX1,
    plotTop,
    plotBottom,
    linePath,
    areaPath,
    byteTicks: [0, top / 1.08].map((bytes) => ({
      y: round(y(bytes)),
      label: formatBytes(Math.round(bytes)),
    })),
    timeTicks: ticks.ticksMs.map((ms) => ({ x: round(x(ms)), label: formatTick(ms, ticks.stepMs) })),
    timeLabelY: plotBottom + 11,
    ...(showThreshold && threshold !== undefined
      ? {
          autoCheckpoint: {
            y: round(y(threshold)),
            bytes: threshold,
            label: `auto-checkpoint (default) ≈ ${formatBytes(threshold)}`,
          },
        }
      : {}),
    peak: {
      x: round(x(peakSample.atMs)),
      y: round(y(peakSample.bytes)),
      bytes: peakSample.bytes,
      atMs: peakSample.atMs,
      label: `${formatBytes(peakSample.bytes)} at ${formatMs(peakSample.atMs)}`,
    },
    summary,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
