// Terminal output helpers. printable() (control and bidi characters made harmless) is the engine's,
// shared with its own terminal renderers.
export { printable } from '../engine/text/printable';

/** Left-aligned columns separated by two spaces; trailing spaces trimmed. */
export function alignColumns(rows: string[][], rightAligned: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const padding = ' '.repeat(widths[column] - [...cell].length);
        return rightAligned.includes(column) ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Wraps prose at word boundaries to `width` columns: "  - first line" then "    next line". */
export function wrapText(text: string, width: number, firstPrefix: string, indent: string): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
