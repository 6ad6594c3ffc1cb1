// The verdict comes first in a result: what happened in one sentence, why, and the fixes in order.
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { hasProblem } from '../../../src/report/resultTables';
import { h } from './html';

export function renderVerdict(result: ProbeResult): string {
  const { summary, explanation, fixes } = result.verdict;
  const problem = hasProblem(result);
  const why =
    explanation.length === 0
      ? ''
      : `<h4>Why</h4><ul class="why">${explanation.map((reason) => `<li>${h(reason)}</li>`).join('')}</ul>`;
  const fix =
    fixes.length === 0
      ? ''
      : `<h4>${fixes.length === 1 ? 'Fix' : 'Fixes'}</h4><ol class="fixes">${fixes.map((item) => `<li data-fix="${h(item.kind)}">${h(item.text)}</li>`).join('')}</ol>`;
  return `<div id="verdict" class="verdict ${problem ? 'verdict-problem' : 'verdict-ok'}">
<p class="verdict-summary"><span class="verdict-label">${problem ? 'Problem' : 'No lock errors'}</span> ${h(summary)}</p>
${why}${fix}
</div>`;
}
