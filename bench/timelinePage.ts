// The page the timeline benchmark loads in headless Chromium: the panel's real explorer element
// (media/panel/timeline) fed a synthetic model, driven frame by frame from requestAnimationFrame.
import {
  defineTimelineExplorer,
  explorerTag,
  type TimelineExplorer,
} from '../media/panel/timeline/timelineExplorer';
import type { TimelineModel } from '../src/report/timelineModel';
import { zoomAt, panBy } from '../media/panel/timeline/timeWindow';
import { syntheticTimeline } from './syntheticTimeline';

export interface FrameFigures {
  /** Drawing work per frame, ms. */
  drawMs: number[];
  /** Time between animation frames, ms. */
  intervalMs: number[];
}

let model: TimelineModel | null = null;
let element: TimelineExplorer | null = null;

const bench = {
  /** Builds the model (not timed as drawing: it stands for the data arriving). */
  makeModel(spans: number, lanes: number): number {
    model = syntheticTimeline(spans, lanes);
    return model.lanes.reduce((sum, lane) => sum + lane.spans.length + lane.events.length, 0);
  },
  /** From handing the model over to the first frame on screen: packing plus drawing, ms. */
  firstDraw(): { totalMs: number; drawMs: number } {
    defineTimelineExplorer();
    element = document.createElement(explorerTag) as TimelineExplorer;
    document.body.replaceChildren(element);
    const started = performance.now();
    element.model = model;
    const drawMs = element.drawNow();
    return { totalMs: performance.now() - started, drawMs };
  },
  /** `frames` animation frames, each moving the window (zoom in and out around moving points, or pan). */
  frames(kind: 'zoom' | 'pan', frames: number): Promise<FrameFigures> {
    const explorer = element as TimelineExplorer;
    const endUs = (model?.durationMs ?? 1) * 1000;
    const drawMs: number[] = [];
    const intervalMs: number[] = [];
    let last = 0;
    return new Promise((resolve) => {
      const step = (now: number): void => {
        if (last !== 0) {
          intervalMs.push(now - last);
        }
        last = now;
        const frame = drawMs.length;
        const window = explorer.window;
        explorer.window =
          kind === 'zoom'
            ? zoomAt(window, endUs, frame % 60 < 30 ? 1.15 : 1 / 1.15, (frame % 17) / 16)
            : panBy(window, endUs, ((frame % 40 < 20 ? 1 : -1) * (window.toUs - window.fromUs)) / 50);
        drawMs.push(explorer.drawNow());
        if (drawMs.length < frames) {
          requestAnimationFrame(step);
        } else {
          resolve({ drawMs, intervalMs });
        }
      };
      requestAnimationFrame(step);
    });
  },
  /** Zooms to `share` of the run around its middle (for panning a zoomed-in view). */
  zoomTo(share: number): void {
    const explorer = element as TimelineExplorer;
    const endUs = (model?.durationMs ?? 1) * 1000;
    explorer.window = { fromUs: endUs * (0.5 - share / 2), toUs: endUs * (0.5 + share / 2) };
  },
};

Object.assign(window, { timelineBench: bench });
