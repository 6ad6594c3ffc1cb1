// The CLI's static HTML report at a million events: `record --html`'s page for a recording of
// 1 000 000 lock intervals in 40 lanes, and `probe --html`'s timeline SVG for 1 000 000 spans in 64
// lanes (the explorer benchmark's synthetic model). Lanes denser than the drawing's pixel columns are
// drawn by column (src/report/columnBars.ts), so size and time should barely grow with the events:
// the baseline is the same drawing of 10 000 events.
import { renderRecordingHtml } from '../src/report/recordingHtml';
import { renderLanesSvg } from '../src/report/timelineSvg';
import { busyRecording } from '../test/support/busyRecording';
import type { BenchReport } from './benchReport';
import { syntheticTimeline } from './syntheticTimeline';

export const staticReportGroup = 'Static HTML report: 1 000 000 events';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The output's size in KB and the median render time in ms of `runs`. */
function measure(render: () => string, runs: number): { kb: number; ms: number; html: string } {
  let html = '';
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    html = render();
    return performance.now() - started;
  });
  return { kb: Buffer.byteLength(html) / 1024, ms: median(times), html };
}

export function benchStaticReport(report: BenchReport, runs = 3): void {
  const note =
    '`record --html` for a synthetic hour of 40 processes (test/support/busyRecording.ts) and the ' +
    "timeline SVG of `probe --html` for the explorer benchmark's model (bench/syntheticTimeline.ts), " +
    'default width (960 px). Baseline: the same drawing of 10 000 events. Render time is the median of ' +
    `${runs} (building the recording or model is not counted).`;
  const recordingLarge = busyRecording(40, 25_000);
  const recordingSmall = busyRecording(40, 250);
  const large = measure(() => renderRecordingHtml(recordingLarge), runs);
  const small = measure(() => renderRecordingHtml(recordingSmall), runs);
  const scripts = /<script/i.test(large.html) ? 'has a <script>' : 'no <script>';
  report.push(
    staticReportGroup,
    [
      {
        figure: `record --html, 1 000 000 intervals in 40 lanes: page size (${scripts})`,
        goal: '≤ 1× (bounded by the width, not the events)',
        measured: large.kb,
        baseline: small.kb,
        baselineIs: '10 000 intervals',
        unit: 'KB',
      },
      {
        figure: 'record --html, 1 000 000 intervals in 40 lanes: render time',
        measured: large.ms,
        baseline: small.ms,
        baselineIs: '10 000 intervals',
        unit: 'ms',
      },
    ],
    note,
  );
  const modelLarge = syntheticTimeline(1_000_000, 64);
  const modelSmall = syntheticTimeline(10_000, 64);
  const svgLarge = measure(() => renderLanesSvg(modelLarge), runs);
  const svgSmall = measure(() => renderLanesSvg(modelSmall), runs);
  report.push(staticReportGroup, [
    {
      figure: 'timeline SVG, 1 000 000 spans + 333 312 commits in 64 lanes: size',
      goal: '≤ 1× (bounded by the width, not the events)',
      measured: svgLarge.kb,
      baseline: svgSmall.kb,
      baselineIs: '10 000 spans',
      unit: 'KB',
    },
    {
      figure: 'timeline SVG, 1 000 000 spans + 333 312 commits in 64 lanes: render time',
      measured: svgLarge.ms,
      baseline: svgSmall.ms,
      baselineIs: '10 000 spans',
      unit: 'ms',
    },
  ]);
}
