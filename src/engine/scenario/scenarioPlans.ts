// A scenario file's sessions as the probe's plans, and a preset's plans as a scenario file: the same
// data, so the shipped examples are the presets themselves.
import type { SessionPlan, Step } from '../probe/probeTypes';
import type { Scenario, ScenarioSession, ScenarioStep } from './scenarioSchema';

/** True only when both have the same keys: a field added to the plans must be added to the schema. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const sessionFieldsAgree: SameKeys<SessionPlan, Omit<ScenarioSession, 'begin'>> = true;
const stepFieldsAgree: SameKeys<Step, ScenarioStep> = true;
void sessionFieldsAgree;
void stepFieldsAgree;

export interface LoadedScenario {
  /** The file's absolute path. */
  file: string;
  scenario: Scenario;
  plans: SessionPlan[];
  /** Whether any step carries the user's own SQL (never run --in-place). */
  customSql: boolean;
}

export function scenarioPlans(scenario: Scenario): Omit<LoadedScenario, 'file'> {
  const plans = scenario.sessions.map(({ begin, ...session }): SessionPlan => ({
    ...session,
    // A session's begin mode is the default of its begin steps.
    steps: session.steps.map((step) =>
      step.op === 'begin' && begin && !step.mode ? { ...step, mode: begin } : step,
    ),
  }));
  return {
    scenario,
    plans,
    customSql: scenario.sessions.some((session) => session.steps.some((step) => step.sql !== undefined)),
  };
}

/** A preset's plans as a scenario file's sessions (the examples/ folder is written from these). */
export function planSessions(plans: readonly SessionPlan[]): ScenarioSession[] {
  return plans.map((plan) => ({ ...plan, steps: plan.steps.map((step) => ({ ...step })) }));
}
