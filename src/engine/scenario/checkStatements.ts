// A scenario's own statements, prepared on the scratch copy before the run: one that the copy's schema
// cannot run (no such table or column, a syntax error), or that does not do what its step says, is
// reported as one sentence naming the session and the step, and nothing runs.
import * as path from 'node:path';
import { openDatabase } from '../sqliteModule';
import { UserInputError } from '../userInputError';
import type { SessionPlan, Step } from '../probe/probeTypes';

const setupBusyTimeoutMs = 5000;

/** Why the step's statement cannot run as that step, or undefined. */
function statementProblem(
  step: Step,
  statement: { readonly: boolean; reader: boolean; bind(): unknown },
): string | undefined {
  try {
    statement.bind();
  } catch {
    return 'takes parameters; write the values into the statement';
  }
  if (step.op === 'read' && !statement.reader) {
    return 'returns no rows; a read step takes a SELECT (a statement that writes is a write step)';
  }
  if (step.op === 'write' && statement.readonly) {
    return 'does not write; a write step takes an INSERT, UPDATE, DELETE or REPLACE (a SELECT is a read step)';
  }
  return undefined;
}

export function checkStatements(scenarioFile: string, target: string, plans: readonly SessionPlan[]): void {
  const db = openDatabase(target, { timeout: setupBusyTimeoutMs, fileMustExist: true });
  try {
    for (const [sessionIndex, plan] of plans.entries()) {
      for (const [stepIndex, step] of plan.steps.entries()) {
        if (step.sql === undefined) {
          continue;
        }
        const where = `session ${plan.name}'s step ${stepIndex + 1} (/sessions/${sessionIndex}/steps/${stepIndex}/sql)`;
        let problem: string | undefined;
        try {
          problem = statementProblem(step, db.prepare(step.sql));
        } catch (error) {
          problem = `fails on the copy of the database: ${error instanceof Error ? error.message : String(error)}`;
        }
        if (problem) {
          throw new UserInputError(path.basename(scenarioFile), `${where} ${problem}`);
        }
      }
    }
  } finally {
    db.close();
  }
}
