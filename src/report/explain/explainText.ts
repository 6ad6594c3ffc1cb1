// `explain` in the terminal: each cause with its lines, what happened, the fix (and the driver's
// spelling of it) and the probe command that shows it. Pasted text is data: control characters escaped.
import type { LockErrorExplanation } from '../../engine/explain/explainLockError';
import { hintScenarioCommand } from '../hints/hintScenarioCommand';
import { printable, wrapText } from '../plainText';
import { explainHeadline, kindCounts, lineList } from './explainFacts';

const width = 100;
const maxExample = 160;

function clipped(text: string): string {
  const shown = [...printable(text)];
  return shown.length > maxExample ? `${shown.slice(0, maxExample - 1).join('')}…` : shown.join('');
}

export function formatExplainText(explanation: LockErrorExplanation): string {
  const out = [explainHeadline(explanation)];
  explanation.answers.forEach((answer, index) => {
    const { scenario } = answer;
    out.push('', `${index + 1}. ${scenario.title} (${kindCounts(answer)})`);
    out.push(`   ${lineList(answer)}, e.g.: ${clipped(answer.example)}`);
    if (answer.sources.length > 0) {
      out.push(`   From: ${answer.sources.map((source) => source.name).join(', ')}`);
    }
    if (answer.evidence !== undefined) {
      out.push(`   Why this cause: ${answer.evidence}.`);
    }
    out.push(...wrapText(`What happened: ${scenario.cause}`, width, '   ', '   '));
    out.push(...wrapText(`Fix: ${scenario.fix}`, width, '   ', '   '));
    for (const source of answer.sources) {
      out.push(...wrapText(`${source.name}: ${source.fix}`, width, '   - ', '     '));
    }
    out.push(
      scenario.reproduce === undefined
        ? '   Reproduce: no preset reproduces this yet.'
        : `   Reproduce: ${hintScenarioCommand(scenario.reproduce)}  (${scenario.reproduce.shows})`,
    );
  });
  return `${out.join('\n')}\n`;
}
