// A whole number with a range and a default (a busy timeout, a count of writers). Checked here and
// nowhere else: the command line, the settings, the panel's messages, the quick picks, the webview's
// form and the engine all ask `wholeNumberProblem` / `parseWholeNumber`. Pure: the webview imports it.

import { quotedInput } from '../text/quotedInput';

export interface WholeNumberLimit {
  /** How a sentence names the number: 'the busy timeout'. */
  readonly name: string;
  readonly unit: 'ms' | '';
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** One line: what the number decides. */
  readonly description: string;
}

/** Undefined when `value` is a whole number within the limit; otherwise one sentence naming `subject`. */
export function wholeNumberProblem(
  limit: WholeNumberLimit,
  value: unknown,
  subject: string = limit.name,
): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= limit.min && value <= limit.max) {
    return undefined;
  }
  return outOfRange(limit, shownValue(value), subject);
}

/** The value as a sentence quotes it; an object is named by its kind (String() throws on some). */
function shownValue(value: unknown): string {
  if (typeof value === 'string') {
    return quotedInput(value);
  }
  if (
    value === null ||
    (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')
  ) {
    return String(value);
  }
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/** Text as typed (a flag, an input box): digits only, surrounding blanks ignored, then the range. */
export function parseWholeNumber(
  limit: WholeNumberLimit,
  text: string,
  subject: string = limit.name,
): { value: number } | { problem: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (/^\d+$/.test(trimmed) && wholeNumberProblem(limit, value) === undefined) {
    return { value };
  }
  // The sentence quotes what was typed, not the number read from it.
  return { problem: outOfRange(limit, quotedInput(text), subject) };
}

function outOfRange(limit: WholeNumberLimit, shown: string, subject: string): string {
  return `${subject} must be ${rangeText(limit)}, not ${shown}`;
}

/** 'a whole number of ms from 0 to 600000'. */
function rangeText(limit: WholeNumberLimit): string {
  return `a whole number${limit.unit ? ` of ${limit.unit}` : ''} from ${limit.min} to ${limit.max}`;
}
