// Terminal output: untrusted text (session names, SQLite messages, paths) must not carry escape
// sequences that move the cursor or recolour the terminal, nor line breaks that split a table row.

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

/** Control characters, including ESC, CR and LF, become U+FFFD (tabs and line breaks a space). */
export function printable(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').replace(controlCharacters, '\uFFFD');
}

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
