// The headroom chart's geometry, computed once from a sweep and drawn twice: as a static SVG string
// (headroomSvg.ts, for `sweep --html`) and by the panel's lit-html view (media/panel). Two stacked plots
// on one clients axis (log scale, as 1, 2, 4, 8, 16 are spaced): the success rate above, p50 and p95
// latency below, and the first level where requests failed marked across both. Pure: no DOM, no Node.
import type { SweepLevel, SweepResult } from '../../engine/sweep/sweepTypes';
import { formatMs } from '../../engine/text/formatMs';
import { formatTick, timeTicks } from '../timeAxis';

/** Levels drawn at most; a longer sweep draws its first ones and says how many it left out. */
export const maxDrawnLevels = 64;
const minWidth = 360;
const maxWidth = 1600;

export interface HeadroomPoint {
  clients: number;
  x: number;
  /** 0..1; NaN-free (a level with no requests counts as 0). */
  successRate: number;
  rateY: number;
  p50Y: number;
  p95Y: number;
  /** Below 100 %: drawn in the failure colour. */
  failing: boolean;
  /** The level's exact figures, one line each: what hover shows and the table repeats. */
  figures: string[];
  /** The hover column: the half-way points to the neighbouring levels. */
  bandX0: number;
  bandX1: number;
  /** Where the figures' box goes (left edge, top), kept inside the chart. */
  tipX: number;
  tipY: number;
  tipWidth: number;
  tipHeight: number;
}

export interface AxisTick {
  at: number;
  label: string;
}

export interface HeadroomGeometry {
  width: number;
  height: number;
  plotX0: number;
  plotX1: number;
  rateTop: number;
  rateBottom: number;
  latencyTop: number;
  latencyBottom: number;
  /** y positions of the success-rate gridlines (0, 50, 100 %). */
  rateTicks: AxisTick[];
  /** y positions of the latency gridlines. */
  latencyTicks: AxisTick[];
  /** x positions of the clients labels (crowded ones left out). */
  clientTicks: AxisTick[];
  /** Where the clients labels' baseline row is. */
  clientLabelY: number;
  points: HeadroomPoint[];
  /** SVG polyline point lists. */
  ratePoints: string;
  p50Points: string;
  p95Points: string;
  /** The first level below 100 %, marked across both plots. */
  firstFailing?: { x: number; clients: number; label: string };
  /** Levels of the sweep not drawn (past maxDrawnLevels). */
  leftOut: number;
  /** One sentence for aria-label and the page: where the headroom ends. */
  summary: string;
}

export const tipLineHeight = 15;
const tipPadding = 6;

/** The clients-axis position of each level: log scale, or evenly spread when they are all one value. */
function clientPositions(clients: number[], x0: number, x1: number): number[] {
  const inset = 24;
  const logs = clients.map((value) => Math.log(Math.max(1, value)));
  const low = Math.min(...logs);
  const high = Math.max(...logs);
  if (clients.length === 1) {
    return [(x0 + x1) / 2];
  }
  if (high - low < 1e-9) {
    return clients.map((_, index) => x0 + inset + (index / (clients.length - 1)) * (x1 - x0 - 2 * inset));
  }
  return logs.map((value) => x0 + inset + ((value - low) / (high - low)) * (x1 - x0 - 2 * inset));
}

function finite(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function successRate(level: SweepLevel): number {
  return level.requests > 0 ? Math.min(1, Math.max(0, finite(level.succeeded) / level.requests)) : 0;
}

export function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10} %`;
}

/** The exact figures of one level, as hover and the table give them. */
export function levelFigures(level: SweepLevel): string[] {
  const errors = Object.entries(level.lockErrors)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${code} ${count}`);
  return [
    `${level.clients} client${level.clients === 1 ? '' : 's'}`,
    `succeeded ${level.succeeded} of ${level.requests} (${formatRate(successRate(level))})`,
    `p50 ${formatMs(level.latencyMs.p50)} · p95 ${formatMs(level.latencyMs.p95)}`,
    errors.length === 0 ? 'no lock errors' : errors.join(', '),
  ];
}

export function headroomSummary(result: SweepResult): string {
  const levels = result.levels;
  if (levels.length === 0) {
    return 'The sweep ran no levels.';
  }
  const failing = levels.find((level) => level.clients === result.firstFailingClients);
  if (result.firstFailingClients === undefined || failing === undefined) {
    const range =
      levels.length === 1
        ? `${levels[0].clients} clients`
        : `${levels[0].clients} to ${levels.at(-1)?.clients} clients`;
    return `Every request succeeded at every level (${range}).`;
  }
  const lastClean = [...levels]
    .reverse()
    .find((level) => level.clients < failing.clients && successRate(level) === 1);
  const before =
    lastClean === undefined ? '' : `Every request succeeded up to ${clientsText(lastClean.clients)}; `;
  return `${before}at ${failing.clients} clients ${failing.failed} of ${failing.requests} requests failed (success ${formatRate(successRate(failing))}).`;
}

export function headroomGeometry(result: SweepResult, requestedWidth = 720): HeadroomGeometry {
  const width = Math.round(Math.min(maxWidth, Math.max(minWidth, finite(requestedWidth) || 720)));
  const levels = result.levels.slice(0, maxDrawnLevels);
  const plotX0 = 64;
  const plotX1 = width - 16;
  const rateTop = 48;
  const rateBottom = rateTop + 130;
  const latencyTop = rateBottom + 40;
  const latencyBottom = latencyTop + 110;
  const clientLabelY = latencyBottom + 14;
  const height = clientLabelY + 26;

  const xs = clientPositions(
    levels.map((level) => level.clients),
    plotX0,
    plotX1,
  );
  const rateY = (rate: number) => rateBottom - rate * (rateBottom - rateTop);
  const slowest = Math.max(
    1,
    ...levels.map((level) => finite(level.latencyMs.p95)),
    ...levels.map((level) => finite(level.latencyMs.p50)),
  );
  const ticks = timeTicks(slowest, 4);
  // The axis ends on the first round tick at or above the slowest figure, so its top is labelled.
  const latencyMax = Math.ceil(slowest / ticks.stepMs - 1e-9) * ticks.stepMs;
  const latencyY = (ms: number) =>
    latencyBottom - (Math.min(finite(ms), latencyMax) / latencyMax) * (latencyBottom - latencyTop);

  const points: HeadroomPoint[] = levels.map((level, index) => {
    const x = xs[index];
    const rate = successRate(level);
    const figures = levelFigures(level);
    const tipWidth = Math.min(
      plotX1 - plotX0,
      Math.ceil(Math.max(...figures.map((line) => line.length)) * 6.6) + 2 * tipPadding,
    );
    const tipHeight = figures.length * tipLineHeight + 2 * tipPadding;
    const rightOfPoint = x + 10 + tipWidth <= plotX1;
    return {
      clients: level.clients,
      x,
      successRate: rate,
      rateY: rateY(rate),
      p50Y: latencyY(level.latencyMs.p50),
      p95Y: latencyY(level.latencyMs.p95),
      failing: rate < 1,
      figures,
      bandX0: index === 0 ? plotX0 : (xs[index - 1] + x) / 2,
      bandX1: index === levels.length - 1 ? plotX1 : (x + xs[index + 1]) / 2,
      tipX: Math.max(plotX0, rightOfPoint ? x + 10 : x - 10 - tipWidth),
      tipY: rateTop + 4,
      tipWidth,
      tipHeight,
    };
  });

  const clientTicks: AxisTick[] = [];
  for (const point of points) {
    const previous = clientTicks.at(-1);
    if (previous === undefined || point.x - previous.at >= 8 * String(point.clients).length + 14) {
      clientTicks.push({ at: point.x, label: String(point.clients) });
    }
  }

  const failingPoint = points.find((point) => point.clients === result.firstFailingClients);
  const polyline = (y: (point: HeadroomPoint) => number) =>
    points.map((point) => `${round(point.x)},${round(y(point))}`).join(' ');

  return {
    width,
    height,
    plotX0,
    plotX1,
    rateTop,
    rateBottom,
    latencyTop,
    latencyBottom,
    rateTicks: [0, 0.5, 1].map((rate) => ({ at: rateY(rate), label: `${rate * 100} %` })),
    latencyTicks: [...ticks.ticksMs, ...(latencyMax > (ticks.ticksMs.at(-1) ?? 0) ? [latencyMax] : [])].map(
      (ms) => ({ at: latencyY(ms), label: formatTick(ms, ticks.stepMs) }),
    ),
    clientTicks,
    clientLabelY,
    points,
    ratePoints: polyline((point) => point.rateY),
    p50Points: polyline((point) => point.p50Y),
    p95Points: polyline((point) => point.p95Y),
    ...(failingPoint === undefined
      ? {}
      : {
          firstFailing: {
            x: failingPoint.x,
            clients: failingPoint.clients,
            label: `first failures at ${failingPoint.clients} clients`,
          },
        }),
    leftOut: result.levels.length - levels.length,
    summary: headroomSummary(result),
  };
}

function clientsText(clients: number): string {
  return `${clients} client${clients === 1 ? '' : 's'}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
