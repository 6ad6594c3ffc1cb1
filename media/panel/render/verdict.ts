// The verdict comes first in a result: what happened in one sentence, why, and the fixes in order.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { hasProblem } from '../../../src/report/resultTables';

export function renderVerdict(result: ProbeResult): TemplateResult {
  const { summary, explanation, fixes } = result.verdict;
  const problem = hasProblem(result);
  return html`<div id="verdict" class="verdict ${problem ? 'verdict-problem' : 'verdict-ok'}">
    <p class="verdict-summary">
      <span class="verdict-label">${problem ? 'Problem' : 'No lock errors'}</span> ${summary}
    </p>
    ${
      explanation.length === 0
        ? nothing
        : html`<h4>Why</h4>
            <ul class="why">
              ${explanation.map((reason) => html`<li>${reason}</li>`)}
            </ul>`
    }
    ${
      fixes.length === 0
        ? nothing
        : html`<h4>${fixes.length === 1 ? 'Fix' : 'Fixes'}</h4>
            <ol class="fixes">
              ${fixes.map((item) => html`<li data-fix=${item.kind}>${item.text}</li>`)}
            </ol>`
    }
  </div>`;
}
