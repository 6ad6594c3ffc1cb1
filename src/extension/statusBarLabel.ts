// A status bar item draws `$(name)` as an icon and lets bidi controls reorder what follows: a file or
// process name is shown as the characters it is (controls as U+FFFD, `$(` escaped the way VS Code's
// own escapeIcons does).
import { printable } from '../engine/text/printable';

export function statusBarLabel(text: string): string {
  return printable(text).replace(/\$\(/g, '\\$(');
}
