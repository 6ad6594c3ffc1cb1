// Reads a scenario file (*.lockprobe.json) for a run: any problem is one sentence naming the file and
// the JSON path, before anything runs or is written.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { controlsEscaped } from '../text/quotedInput';
import { UserInputError } from '../userInputError';
import { scenarioPlans, type LoadedScenario } from './scenarioPlans';
import { validateScenario } from './validateScenario';

/** Scenario files are small; a larger one is a wrong file. */
const largestScenarioBytes = 1024 * 1024;

export function readScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory, not a scenario file'
          : `cannot be read (${code ?? String(error)})`;
    throw new UserInputError(file, reason);
  }
  return parseScenarioText(text, file);
}

/** A scenario file's text (from disk, or an editor's unsaved buffer) checked for a run; `file` names it. */
export function parseScenarioText(text: string, file: string): LoadedScenario {
  const shownName = path.basename(file);
  if (text.length > largestScenarioBytes) {
    throw new UserInputError(shownName, 'is larger than 1 MB: not a scenario file');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text raw: a line break in it would split the sentence.
    throw new UserInputError(shownName, `is not valid JSON (${controlsEscaped((error as Error).message)})`);
  }
  const checked = validateScenario(data);
  if ('problem' in checked) {
    throw new UserInputError(shownName, checked.problem);
  }
  return { file: path.resolve(file), ...scenarioPlans(checked.scenario) };
}
