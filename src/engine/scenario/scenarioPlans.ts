// A scenario file's sessions as the probe's plans, and a preset's plans as a scenario file: the same
// data, so the shipped examples are the presets themselves.
import { clientProfileFacts } from '../options/clientProfiles';
import { beginBeforeFirstWrite } from '../probe/beginBeforeFirstWrite';
import type { SessionPlan, Step } from '../probe/probeTypes';
import type { Scenario, ScenarioSession, ScenarioStep } from './scenarioSchema';

/** True only when both have the same keys: a field added to the plans must be added to the schema. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const sessionFieldsAgree: SameKeys<SessionPlan, Omit<ScenarioSession, 'begin' | 'client'>> = true;
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
  const plans = scenario.sessions.map(sessionPlan);
  return {
    scenario,
    plans,
    customSql: scenario.sessions.some((session) => session.steps.some((step) => step.sql !== undefined)),
  };
}

/** A session as a plan: its begin mode given to its begin steps that name none, and its driver's
 * defaults (busy timeout, BEGIN, a BEGIN only before the first write) where the session sets none. */
function sessionPlan({ begin, client, ...session }: ScenarioSession): SessionPlan {
  const driver = client === undefined ? undefined : clientProfileFacts[client];
  const mode = begin ?? driver?.begin.value;
  const busyTimeoutMs = session.busyTimeoutMs ?? driver?.busyTimeoutMs.value;
  const plan: SessionPlan = {
    ...session,
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
    steps: session.steps.map((step) =>
      step.op === 'begin' && mode && !step.mode ? { ...step, mode } : step,
    ),
  };
  return driver?.beginsBeforeFirstWrite.value ? beginBeforeFirstWrite(plan) : plan;
}

/** A preset's plans as a scenario file's sessions (the examples/ folder is written from these). */
export function planSessions(plans: readonly SessionPlan[]): ScenarioSession[] {
  return plans.map((plan) => ({ ...plan, steps: plan.steps.map((step) => ({ ...step })) }));
}
