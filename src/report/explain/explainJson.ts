// `explain --json` (explain@1): one answer per cause with its counts, the drivers seen, the fix and the
// probe command that reproduces it.
import type { LockErrorExplanation } from '../../engine/explain/explainLockError';
import type { HintScenario } from '../../engine/hints/hintTypes';
import { hintScenarioCommand } from '../hints/hintScenarioCommand';

export const explainJsonSchema = 'sqlite-lock-doctor/explain@1';

export interface ExplainJsonAnswer {
  readonly scenario: string;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly count: number;
  readonly kinds: Record<string, number>;
  /** 1-based, at most the first 100. */
  readonly lines: number[];
  readonly example: string;
  readonly evidence?: string;
  readonly sources: { readonly id: string; readonly name: string; readonly fix: string }[];
  /** Absent when no preset reproduces it yet. */
  readonly reproduce?: HintScenario & { readonly command: string };
}

export interface ExplainJson {
  readonly schema: typeof explainJsonSchema;
  readonly recognised: boolean;
  readonly linesRead: number;
  readonly answers: ExplainJsonAnswer[];
}

export function explainJson(explanation: LockErrorExplanation): ExplainJson {
  return {
    schema: explainJsonSchema,
    recognised: explanation.recognised,
    linesRead: explanation.linesRead,
    answers: explanation.answers.map((answer) => {
      const { scenario } = answer;
      return {
        scenario: scenario.id,
        title: scenario.title,
        cause: scenario.cause,
        fix: scenario.fix,
        count: answer.count,
        kinds: { ...answer.kinds },
        lines: answer.lines,
        example: answer.example,
        ...(answer.evidence === undefined ? {} : { evidence: answer.evidence }),
        sources: answer.sources.map(({ id, name, fix }) => ({ id, name, fix })),
        ...(scenario.reproduce === undefined
          ? {}
          : { reproduce: { ...scenario.reproduce, command: hintScenarioCommand(scenario.reproduce) } }),
      };
    }),
  };
}
