// The editor's "Explain a Lock Error…" answer as a Markdown page (shown in the Markdown preview). The
// pasted lines are data: escaped, and shown in code spans that cannot be closed from inside.
import type { LockErrorExplanation } from '../../engine/explain/explainLockError';
import { escapeMarkdown } from '../escapeMarkdown';
import { hintScenarioCommand } from '../hints/hintScenarioCommand';
import { printable } from '../plainText';
import { explainHeadline, kindCounts, lineList } from './explainFacts';

function codeBlock(text: string): string[] {
  const longestFence = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestFence + 1);
  return [fence, text, fence];
}

export function explainMarkdown(explanation: LockErrorExplanation): string {
  const out = ['# Explain a lock error', '', escapeMarkdown(explainHeadline(explanation))];
  explanation.answers.forEach((answer, index) => {
    const { scenario } = answer;
    out.push('', `## ${index + 1}. ${escapeMarkdown(scenario.title)}`, '');
    out.push(`${escapeMarkdown(kindCounts(answer))} (${lineList(answer)}), for example:`, '');
    out.push(...codeBlock(printable(answer.example)), '');
    if (answer.sources.length > 0) {
      out.push(`**From:** ${escapeMarkdown(answer.sources.map((source) => source.name).join(', '))}`, '');
    }
    if (answer.evidence !== undefined) {
      out.push(`**Why this cause:** ${escapeMarkdown(answer.evidence)}.`, '');
    }
    out.push(`**What happened:** ${escapeMarkdown(scenario.cause)}`, '');
    out.push(`**Fix:** ${escapeMarkdown(scenario.fix)}`, '');
    for (const source of answer.sources) {
      out.push(`- ${escapeMarkdown(source.name)}: ${escapeMarkdown(source.fix)}`);
    }
    if (answer.sources.length > 0) {
      out.push('');
    }
    out.push(
      scenario.reproduce === undefined
        ? '**Reproduce:** no preset reproduces this yet.'
        : `**Reproduce:** ${escapeMarkdown(scenario.reproduce.shows)}: use "Reproduce with the probe", or run`,
    );
    if (scenario.reproduce !== undefined) {
      out.push('', ...codeBlock(hintScenarioCommand(scenario.reproduce)));
    }
  });
  return `${out.join('\n')}\n`;
}
