// The canvas cannot read CSS variables, so the timeline's colours (the same `var(--vscode-…, fallback)`
// values the SVG uses) are resolved against the page's current theme and re-read when it changes.
import { heldLocksByStrength, timelineColour } from '../../../src/report/lockStateStyle';

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
  return {
    ranks: ['transparent', ...heldLocksByStrength.map((lock) => colour(timelineColour[lock]))],
    wait: colour(timelineColour.wait),
    error: colour(timelineColour.error),
    commit: colour(timelineColour.commit),
    text: colour('var(--vscode-foreground, #1f2937)'),
    muted: colour('var(--vscode-descriptionForeground, #6b7280)'),
    grid: colour('var(--vscode-editorWidget-border, #d1d5db)'),
    window: colour('var(--vscode-focusBorder, #2563eb)'),
    shade: colour('var(--vscode-editor-background, #ffffff)'),
  };
}
