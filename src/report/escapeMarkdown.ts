import { printable } from '../engine/text/printable';

// Markdown renderers pass raw HTML through, and a table cell ends at a '|': untrusted text (session
// names, SQLite messages, paths) is escaped so that it shows exactly as written and nothing else.

/** One line of literal text, safe in a paragraph, a list item or a table cell. */
export function escapeMarkdown(text: string): string {
  return (
    // One line; controls and bidi controls shown as U+FFFD, as in the terminal.
    printable(text)
      // Entities for the HTML-significant characters: no raw '<' reaches a renderer that allows HTML.
      .replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
      // Backslash before the punctuation that means something anywhere in a line (emphasis, code,
      // links, table cells, strikethrough); CommonMark allows it before any ASCII punctuation.
      .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
      // At the start of a line these would make a heading, a list or a heading underline.
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}
