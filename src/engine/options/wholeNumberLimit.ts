// A whole number with a range and a default (a busy timeout, a count of writers). Checked here and
// nowhere else: the command line, the settings, the panel's messages, the quick picks, the webview's
// form and the engine all ask `wholeNumberProblem` / `parseWholeNumber`. Pure: the webview imports it.

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
  return `${subject} must be ${rangeText(limit)}, not ${typeof value === 'string' ? `"${value}"` : String(value)}`;
}

/** Text as typed (a flag, an input box): digits only, surrounding blanks ignored, then the range. */
export function parseWholeNumber(
  limit: WholeNumberLimit,
  text: string,
  subject: string = limit.name,
): { value: number } | { problem: string } {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  // The sentence quotes what was typed, not the number read from it.
  return wholeNumberProblem(limit, value) === undefined
    ? { value }
    : { problem: wholeNumberProblem(limit, text, subject) as string };
}

/** 'a whole number of ms from 0 to 600000'. */
export function rangeText(limit: WholeNumberLimit): string {
  return `a whole number${limit.unit ? ` of ${limit.unit}` : ''} from ${limit.min} to ${limit.max}`;
}
