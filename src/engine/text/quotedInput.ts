// What the user typed, quoted inside a one-sentence error: JSON's quoting, so a newline, a tab or an
// escape sequence in the text shows escaped and the sentence stays one line. Pure: the webview imports it.
export function quotedInput(text: string): string {
  return JSON.stringify(text);
}

/** A message that quotes input another library copied raw (JSON.parse's): its control characters escaped. */
export function controlsEscaped(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => JSON.stringify(character).slice(1, -1));
}
