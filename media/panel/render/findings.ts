// What inspect found odd or noteworthy, most serious first, each with its severity in words as well as
// in colour (colour alone does not reach everyone).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Finding } from '../../../src/engine/inspect/inspectReport';

const severityLabel: Record<Finding['severity'], string> = {
  problem: 'Problem',
  warning: 'Warning',
  info: 'Note',
};

export function renderFindings(findings: Finding[]): TemplateResult | typeof nothing {
  if (findings.length === 0) {
    return nothing;
  }
  return html`<ul class="findings" aria-label="Findings">
    ${findings.map(
      (finding) =>
        html`<li class="finding severity-${finding.severity}" data-code=${finding.code}>
          <span class="severity">${severityLabel[finding.severity]}</span
          ><span class="finding-text">${finding.message}</span>
        </li>`,
    )}
  </ul>`;
}
