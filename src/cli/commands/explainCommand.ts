// `explain "<error text>" | --file LOG | -  [--json]`: which public cause a lock error shows, the preset
// that reproduces it and the fix. Exit 0 when something was recognised, 1 when nothing was, 2 bad input.
import { readFileSync, statSync } from 'node:fs';
import { explainLockError } from '../../engine/explain/explainLockError';
import { UserInputError } from '../../engine/userInputError';
import { explainJson } from '../../report/explain/explainJson';
import { formatExplainText } from '../../report/explain/explainText';
import type { ParsedCli } from '../cliArguments';
import { writeJson, writeText } from '../writeOutput';

/** A log larger than this is cut to its last part: the recent errors are the ones asked about. */
export const explainMaxBytes = 64 * 1024 * 1024;

function readLog(file: string): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      throw new UserInputError(file, 'not a file (--file takes a log or a saved error message)');
    }
    size = stats.size;
  } catch (error) {
    if (error instanceof UserInputError) {
      throw error;
    }
    throw new UserInputError(file, 'no such file');
  }
  if (size > explainMaxBytes) {
    throw new UserInputError(
      file,
      `${Math.round(size / 1024 / 1024)} MB is too large to explain (at most 64 MB); pass the part with the error`,
    );
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserInputError(
      file,
      `cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new UserInputError(
      undefined,
      `could not read standard input (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function inputText(cli: ParsedCli): string {
  const { positionals } = cli;
  const file = cli.flags.file;
  if (file !== undefined && positionals.length > 0) {
    throw new UserInputError(undefined, 'explain takes the error text or --file LOG, not both');
  }
  if (file !== undefined) {
    return readLog(file);
  }
  if (positionals.length === 1 && positionals[0] === '-') {
    return readStdin();
  }
  const text = positionals.join(' ');
  if (text.trim() === '') {
    throw new UserInputError(
      undefined,
      'explain needs the error: explain "<error text>", explain --file LOG, or explain - to read standard input',
    );
  }
  return text;
}

export function explainCommand(cli: ParsedCli): Promise<number> {
  const explanation = explainLockError(inputText(cli));
  if (cli.flags.json) {
    writeJson(explainJson(explanation));
  } else {
    writeText(formatExplainText(explanation));
  }
  return Promise.resolve(explanation.recognised ? 0 : 1);
}
