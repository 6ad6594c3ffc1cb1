// What a scenario file's schema cannot say: unique session names, transactions that open before they
// end, cursors that open before they close, and a session that would run past the documented length.
import { scenarioDuration } from '../options/scenarioLimits';
import type { Scenario, ScenarioSession } from './scenarioSchema';

/** One sentence naming the JSON path of the first problem, or undefined. */
export function scenarioProblem(scenario: Scenario): string | undefined {
  const firstIndex = new Map<string, number>();
  for (const [index, session] of scenario.sessions.entries()) {
    const earlier = firstIndex.get(session.name);
    if (earlier !== undefined) {
      return `/sessions/${index}/name "${session.name}" is already the name of /sessions/${earlier}; session names must be unique`;
    }
    firstIndex.set(session.name, index);
    const problem =
      orderProblem(session, `/sessions/${index}`) ?? durationProblem(session, `/sessions/${index}`);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function orderProblem(session: ScenarioSession, path: string): string | undefined {
  let inTransaction = false;
  let cursorOpen = false;
  for (const [index, step] of session.steps.entries()) {
    const at = `${path}/steps/${index}`;
    switch (step.op) {
      case 'begin':
        if (inTransaction) {
          return `${at} begins a transaction inside the one begun before; commit or roll back first`;
        }
        inTransaction = true;
        break;
      case 'commit':
      case 'rollback':
        if (!inTransaction) {
          return `${at} is a ${step.op} without a begin before it`;
        }
        inTransaction = false;
        break;
      case 'cursor':
        if (cursorOpen) {
          return `${at} opens a second cursor before the first one's close`;
        }
        cursorOpen = true;
        break;
      case 'close':
        if (!cursorOpen) {
          return `${at} is a close without a cursor before it`;
        }
        cursorOpen = false;
        break;
    }
  }
  return undefined;
}

/** The least time the session takes: its last start time, then every hold, repeat times over. */
function durationProblem(session: ScenarioSession, path: string): string | undefined {
  const lastStart = Math.max(0, ...session.steps.map((step) => step.at ?? 0));
  const holds = session.steps.reduce((sum, step) => sum + (step.op === 'hold' ? (step.ms ?? 0) : 0), 0);
  const leastMs = lastStart + holds * (session.repeat ?? 1);
  if (leastMs > scenarioDuration.max) {
    return `${path} would run at least ${leastMs / 1000} s (its start times, then its holds ${session.repeat ?? 1} times); a session may run at most ${scenarioDuration.max / 1000} s`;
  }
  return undefined;
}
