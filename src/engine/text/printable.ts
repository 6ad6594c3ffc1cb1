// Untrusted text (process names and command lines, session names, SQLite messages, paths) is shown as
// the characters it is. Everywhere: no bidi control may reorder what follows it (a name with U+202E
// would otherwise reverse the rest of a sentence, in a terminal, a webview or a report), and no C1
// control may act. In a terminal also: no escape sequence that moves the cursor, recolours, sets the
// clipboard or a link (ESC, CSI, OSC), nor a line break that splits a row. The engine's own renderers
// (locks, inspect), src/report and the panel share these definitions.

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;
/** C1 controls, bidi embeddings, overrides, isolates and marks, line and paragraph separators. */
const reorderingOrActing = /[\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

const holdsReorderingOrActing = new RegExp(reorderingOrActing.source);

/** Whether shownAsText would change `text` (one scan, no copy: for callers that walk large data). */
export function changedWhenShown(text: string): boolean {
  return holdsReorderingOrActing.test(text);
}

/** Text for any display: C1 and bidi controls and line separators become U+FFFD; the rest is kept. */
export function shownAsText(text: string): string {
  return text.replace(reorderingOrActing, '\uFFFD');
}

/** Text for a terminal line: also every C0 control, ESC, CR and LF, become U+FFFD (tabs and line breaks a space). */
export function printable(text: string): string {
  return shownAsText(text.replace(/[\t\r\n]+/g, ' ').replace(controlCharacters, '\uFFFD'));
}
