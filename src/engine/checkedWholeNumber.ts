import { type WholeNumberLimit, wholeNumberProblem } from './options/wholeNumberLimit';
import { UserInputError } from './userInputError';

/** `value` when it is a whole number within `limit`; otherwise a UserInputError saying so in one sentence. */
export function checkedWholeNumber(limit: WholeNumberLimit, value: number, subject?: string): number {
  const problem = wholeNumberProblem(limit, value, subject);
  if (problem !== undefined) {
    throw new UserInputError(undefined, problem);
  }
  return value;
}
