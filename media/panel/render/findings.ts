// What inspect found odd or noteworthy, most serious first, each with its severity in words as well as
// in colour (colour alone does not reach everyone).
import type { Finding } from '../../../src/engine/inspect/inspectReport';
import { h } from './html';

const severityLabel: Record<Finding['severity'], string> = {
  problem: 'Problem',
  warning: 'Warning',
  info: 'Note',
};

export function renderFindings(findings: Finding[]): string {
  if (findings.length === 0) {
    return '';
  }
  const items = findings
    .map(
      (finding) =>
        `<li class="finding severity-${finding.severity}" data-code="${h(finding.code)}"><span class="severity">${severityLabel[finding.severity]}</span><span class="finding-text">${h(finding.message)}</span></li>`,
    )
    .join('');
  return `<ul class="findings" aria-label="Findings">${items}</ul>`;
}
