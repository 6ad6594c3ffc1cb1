// Terminal output: untrusted text (process names and command lines, session names, SQLite messages,
// paths) must not carry escape sequences that move the cursor, recolour the terminal, set the
// clipboard or a link (ESC, CSI, OSC: C0 and C1 controls), bidi controls that make it read in another
// order, nor line breaks that split a row. The engine's own terminal renderers (locks, inspect) and
// src/report share this one definition.

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides, isolates and marks; line and paragraph separators. */
const invisibleFormatting = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** Control and bidi characters, including ESC, CR and LF, become U+FFFD (tabs and line breaks a space). */
export function printable(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(controlCharacters, '\uFFFD')
    .replace(invisibleFormatting, '\uFFFD');
}
