// Quick fixes applied as an editor would: the edit spliced into the text, and the result parsed again.
import type { HintEdit } from '../../src/engine/hints/hintTypes';
import { parseSource, type TreeSitterLanguage } from '../../src/engine/hints/sourceParser';

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + column;
}

/** `text` with `edit` applied (zero-based lines, UTF-16 columns, as HintEdit's range). */
export function applyHintEdit(text: string, edit: HintEdit): string {
  const start = offsetOf(text, edit.range.startLine, edit.range.startColumn);
  const end = offsetOf(text, edit.range.endLine, edit.range.endColumn);
  return text.slice(0, start) + edit.newText + text.slice(end);
}

/** True when tree-sitter finds no syntax error in `text`. */
export async function parsesCleanly(language: TreeSitterLanguage, text: string): Promise<boolean> {
  const tree = await parseSource(language, text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
