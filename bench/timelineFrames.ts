// The timeline explorer in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
// real webview code (bench/timelinePage.ts bundles media/panel/timeline) on a page with a synthetic
// 1 000 000-span model. Figures: the first draw (packing + drawing), then the drawing work per frame
// and the frame rate while zooming and panning. Goal (issue 9): first draw < 300 ms, 60 fps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameFigures } from './timelinePage';

type Row = [string, string];

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

function frameRow(name: string, figures: FrameFigures): Row {
  const fps = 1000 / percentile(figures.intervalMs, 0.5);
  return [
    name,
    `draw p50 ${percentile(figures.drawMs, 0.5).toFixed(2)} ms, p95 ${percentile(figures.drawMs, 0.95).toFixed(2)} ms, ` +
      `max ${Math.max(...figures.drawMs).toFixed(2)} ms; frames ${fps.toFixed(0)} fps (median interval), ` +
      `${figures.drawMs.filter((ms) => ms > 16.7).length} of ${figures.drawMs.length} over 16.7 ms (goal 60 fps)`,
  ];
}

export async function benchTimelineFrames(spans = 1_000_000, lanes = 64): Promise<Row[]> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const pageScript = join(__dirname, 'timeline-page.js');
  if (!existsSync(executablePath)) {
    return [['timeline explorer', `skipped: no Chromium at ${executablePath}`]];
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: pageScript });
    type Bench = {
      makeModel(spans: number, lanes: number): number;
      firstDraw(): { totalMs: number; drawMs: number };
      frames(kind: 'zoom' | 'pan', frames: number): Promise<FrameFigures>;
      zoomTo(share: number): void;
    };
    const marks = await page.evaluate(
      ([spans, lanes]) =>
        (window as unknown as { timelineBench: Bench }).timelineBench.makeModel(spans, lanes),
      [spans, lanes] as const,
    );
    const rows: Row[] = [];
    // The first draw three times (a fresh element each), the median reported.
    const firsts: { totalMs: number; drawMs: number }[] = [];
    for (let run = 0; run < 3; run++) {
      firsts.push(
        await page.evaluate(() => (window as unknown as { timelineBench: Bench }).timelineBench.firstDraw()),
      );
    }
    firsts.sort((a, b) => a.totalMs - b.totalMs);
    const first = firsts[1];
    rows.push([
      `timeline explorer, first draw, ${spans} spans + ${marks - spans} marks in ${lanes} lanes (median of 3)`,
      `${first.totalMs.toFixed(0)} ms (packing ${(first.totalMs - first.drawMs).toFixed(0)} ms, drawing ` +
        `${first.drawMs.toFixed(1)} ms; goal < 300 ms)`,
    ]);
    const frames = (kind: 'zoom' | 'pan') =>
      page.evaluate(
        (which) => (window as unknown as { timelineBench: Bench }).timelineBench.frames(which, 240),
        kind,
      );
    rows.push(frameRow('timeline explorer, zooming in and out (240 frames)', await frames('zoom')));
    await page.evaluate(() => (window as unknown as { timelineBench: Bench }).timelineBench.zoomTo(0.5));
    rows.push(
      frameRow('timeline explorer, panning with half the run in view (240 frames)', await frames('pan')),
    );
    await page.evaluate(() => (window as unknown as { timelineBench: Bench }).timelineBench.zoomTo(0.01));
    rows.push(frameRow('timeline explorer, panning 1 % of the run (240 frames)', await frames('pan')));
    return rows;
  } finally {
    await browser.close();
  }
}
