// Coordinates to a tenth of a pixel: finer is invisible and only makes a burst's SVG bigger.
export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
