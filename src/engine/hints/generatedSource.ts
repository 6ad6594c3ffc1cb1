// Files nobody edits by hand: minified bundles and generated code. A hint there cannot be acted on
// (the fix belongs in the generator's input), so the folder scan skips them and says why.
import { basename } from 'node:path';

/** Go's convention (https://go.dev/s/generatedcode), also used by sqlc, protoc and others. */
const goGeneratedHeader = /^\/\/ Code generated .* DO NOT EDIT\.$/m;
/** Facebook's marker, used by many generators in any language; looked for near the top only. */
const generatedMarker = /@generated\b/;
const headerLength = 1_000;

/** Minified: long lines on average and at least one very long one (a data table alone is not enough). */
const minifiedAverageLine = 300;
const minifiedLongestLine = 2_000;

function looksMinified(text: string): boolean {
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest >= minifiedLongestLine && text.length / lines.length >= minifiedAverageLine;
}

/** Why the file is skipped as not hand-written, or undefined when it is. */
export function generatedReason(path: string, text: string): string | undefined {
  if (/\.min\.[cm]?js$/i.test(basename(path)) || looksMinified(text)) {
    return 'minified';
  }
  const header = text.slice(0, headerLength);
  if (goGeneratedHeader.test(header) || generatedMarker.test(header)) {
    return 'generated (marked as such in its header)';
  }
  return undefined;
}
