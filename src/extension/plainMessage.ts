// A notification's message may name files and quote SQLite and other programs. VS Code makes a link of
// `[text](https:…)`, `[text](command:…)` or `[text](file:…)` in it, and runs a command link when it is
// clicked: `](` is broken with a space, so a file named `[x](command:…).db` makes no link. Bidi controls
// show as U+FFFD, so nothing reorders the sentence.
import { shownAsText } from '../engine/text/printable';

export function plainMessage(message: string): string {
  return shownAsText(message).replace(/\]\s*\(/g, '] (');
}
