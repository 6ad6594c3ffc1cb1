// A driver that issues BEGIN only before the first write (Python's sqlite3 with its default
// isolation_level): the schedule's reads before that write run outside the transaction, each in its
// own autocommit read, and a transaction with no write never begins (its COMMIT does nothing).
import type { SessionPlan, Step } from './probeTypes';

export function beginBeforeFirstWrite(plan: SessionPlan): SessionPlan {
  const steps: Step[] = [];
  let pendingBegin: Step | undefined;
  // The time of a step taken out of the schedule goes to the next step that runs.
  let carriedAt: number | undefined;
  const emit = (step: Step) => {
    const { at: own, ...rest } = step;
    const at = own ?? carriedAt;
    steps.push(at === undefined ? rest : { ...rest, at });
    carriedAt = undefined;
  };
  for (const step of plan.steps) {
    if (step.op === 'begin') {
      pendingBegin = step;
      carriedAt = step.at ?? carriedAt;
    } else if (pendingBegin !== undefined && step.op === 'write') {
      const { at, ...write } = step;
      emit({ ...pendingBegin, at });
      steps.push(write);
      pendingBegin = undefined;
    } else if (pendingBegin !== undefined && (step.op === 'commit' || step.op === 'rollback')) {
      pendingBegin = undefined;
      carriedAt = step.at ?? carriedAt;
    } else {
      emit(step);
    }
  }
  return { ...plan, steps };
}
