// The key to the timeline's colours and marks, listing only what this result actually shows.
import { estimateTextWidth } from './labelSlots';
import { commitClass, errorClass, heldClass, heldLocksByStrength, waitClass } from './lockStateStyle';
import { escapeHtml } from './escapeHtml';
import type { TimelineModel } from './timelineModel';

export interface Legend {
  svg: string;
  height: number;
}

const fontSize = 12;
const rowHeight = 20;
const swatchWidth = 16;

export function renderLegend(result: TimelineModel, width: number, waitPatternId: string): Legend {
  const spans = result.lanes.flatMap((lane) => lane.spans);
  const events = result.lanes.flatMap((lane) => lane.events);
  const held = new Set(spans.filter((span) => span.waitingFor === undefined).map((span) => span.lock));
  const swatch = (x: number, y: number, body: string) => `<g transform="translate(${x},${y})">${body}</g>`;

  const items: { label: string; draw: (x: number, y: number) => string }[] = heldLocksByStrength
    .filter((lock) => held.has(lock))
    .map((lock) => ({
      label: lock,
      draw: (x, y) =>
        swatch(x, y, `<rect y="-6" width="${swatchWidth}" height="12" class="${heldClass(lock)}"/>`),
    }));
  if (spans.some((span) => span.waitingFor !== undefined)) {
    items.push({
      label: 'waiting for a lock',
      draw: (x, y) =>
        swatch(
          x,
          y,
          `<rect y="-6" width="${swatchWidth}" height="12" class="${waitClass}" fill="url(#${waitPatternId})"/>`,
        ),
    });
  }
  if (events.some((event) => event.kind === 'commit')) {
    items.push({
      label: 'commit',
      draw: (x, y) => swatch(x, y, `<path d="M8 -7v14" class="${commitClass}"/>`),
    });
  }
  if (events.some((event) => event.kind === 'error')) {
    items.push({
      label: 'error',
      draw: (x, y) => swatch(x, y, `<path d="M8 -6l6 6-6 6-6-6z" class="${errorClass}"/>`),
    });
  }

  const parts: string[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const itemWidth = swatchWidth + 6 + estimateTextWidth(item.label, fontSize) + 18;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const y = row * rowHeight + rowHeight / 2;
    parts.push(item.draw(x, y), `<text x="${x + swatchWidth + 6}" y="${y}">${escapeHtml(item.label)}</text>`);
    x += itemWidth;
  }
  return { svg: parts.join(''), height: items.length === 0 ? 0 : (row + 1) * rowHeight };
}
