// `hints DIR` in a terminal: one line per finding, as compilers print them (editors and CI logs link
// `path:line:col`), then a summary. Paths and messages are data: control characters are shown escaped.
import type { FolderFindings } from '../../engine/hints/hintTypes';
import { alignColumns, printable } from '../plainText';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 hints in 2 of 140 files" or "No lock hazards found in 140 files." */
export function hintsSummary(result: FolderFindings): string {
  const scanned = plural(result.filesScanned, 'file', 'files');
  if (result.findings.length === 0) {
    return `No lock hazards found in ${scanned}.`;
  }
  const files = new Set(result.findings.map((finding) => finding.file)).size;
  return `${plural(result.findings.length, 'hint', 'hints')} in ${files} of ${scanned}.`;
}

export function formatHintsText(result: FolderFindings): string {
  const rows = result.findings.map((finding) => [
    `${printable(finding.file)}:${finding.range.startLine + 1}:${finding.range.startColumn + 1}`,
    finding.severity,
    finding.ruleId,
    printable(finding.message),
  ]);
  const lines = alignColumns(rows);
  if (lines.length > 0) {
    lines.push('');
  }
  lines.push(hintsSummary(result));
  if (result.filesSkipped.length > 0) {
    lines.push(`${plural(result.filesSkipped.length, 'file', 'files')} skipped:`);
    lines.push(
      ...alignColumns(
        result.filesSkipped.map((file) => [`  ${printable(file.path)}`, printable(file.reason)]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
