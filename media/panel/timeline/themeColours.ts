// The canvas cannot read CSS variables, so the timeline's colours (the same `var(--vscode-…, fallback)`
// values the SVG uses) are resolved against the page's current theme and re-read when it changes.
import { heldLocksByStrength, timelineColour } from '../../../src/report/lockStateStyle';
import { type PixelPalette, pixelOf } from './paintLane';

export interface TimelineColours {
  /** Indexed by lock rank: [0] is unused (no lock), [rank] the lock's colour. */
  ranks: string[];
  wait: string;
  error: string;
  commit: string;
  text: string;
  muted: string;
  grid: string;
  window: string;
  shade: string;
  /** The page's font family: a canvas font cannot name a CSS variable. */
  fontFamily: string;
  /** The lock, wait and mark colours as pixels, for painting the lanes' image. */
  pixels: PixelPalette;
}

export function resolveColour(value: string, style: CSSStyleDeclaration): string {
  const match = /^var\((--[\w-]+),\s*([^)]+)\)$/.exec(value);
  if (match === null) {
    return value;
  }
  const themed = style.getPropertyValue(match[1]).trim();
  return themed === '' ? match[2].trim() : themed;
}

export function themeColours(element: Element): TimelineColours {
  const style = getComputedStyle(element);
  const colour = (value: string): string => resolveColour(value, style);
  const ranks = ['transparent', ...heldLocksByStrength.map((lock) => colour(timelineColour[lock]))];
  const wait = colour(timelineColour.wait);
  const error = colour(timelineColour.error);
  const commit = colour(timelineColour.commit);
  return {
    ranks,
    wait,
    error,
    commit,
    pixels: pixelPalette(ranks, wait, error, commit),
    text: colour('var(--vscode-foreground, #1f2937)'),
    muted: colour('var(--vscode-descriptionForeground, #6b7280)'),
    grid: colour('var(--vscode-editorWidget-border, #d1d5db)'),
    window: colour('var(--vscode-focusBorder, #2563eb)'),
    shade: colour('var(--vscode-editor-background, #ffffff)'),
    fontFamily: style.fontFamily || 'sans-serif',
  };
}

/** CSS colours as pixels: each painted once on a 1 x 1 canvas and read back, so any CSS colour works. */
export function pixelPalette(ranks: string[], wait: string, error: string, commit: string): PixelPalette {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const pixel = (colour: string): number => {
    if (context === null) {
      return 0;
    }
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
    return pixelOf(r, g, b, a);
  };
  return {
    ranks: Uint32Array.from(ranks, (colour, rank) => (rank === 0 ? 0 : pixel(colour))),
    wait: pixel(wait),
    error: pixel(error),
    commit: pixel(commit),
  };
}
