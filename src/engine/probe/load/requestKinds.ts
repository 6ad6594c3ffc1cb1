// The load shape's request kinds: each session of a preset is one kind of request (the seed's A and B
// are its two endpoints). A request runs its kind's steps once, from whenever a client takes it, so the
// schedule's `at` times and repeats do not apply.
import type { SessionPlan, Step } from '../probeTypes';

export function requestKinds(plans: readonly SessionPlan[]): SessionPlan[] {
  return plans.map((plan) => ({
    ...plan,
    repeat: undefined,
    steps: plan.steps.map((step): Step => {
      const untimed = { ...step };
      delete untimed.at;
      return untimed;
    }),
  }));
}

/** Requests take the kinds in turn, like a load test taking its URLs in turn (A, B, A, B, ...). */
export function kindOfRequest(index: number, kinds: readonly SessionPlan[]): SessionPlan {
  return kinds[index % kinds.length];
}
