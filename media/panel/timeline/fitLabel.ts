// A lane name shortened with an ellipsis to fit the name gutter; the full name stays available on
// hover (the canvas's title). `measure` is the canvas's text width, or an estimate without a canvas.

/** `text` if it fits in `maxWidth`, else its longest prefix that fits with "…" after it. */
export function fitLabel(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) {
    return text;
  }
  // By code point, so a name never ends in half a surrogate pair.
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, middle).join('')}…`) <= maxWidth) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return `${chars.slice(0, low).join('')}…`;
}
