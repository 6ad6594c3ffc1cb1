// `hints [DIR] [--json | --sarif] [--rule ID]...`: the lock hazards in a folder's code, for CI. Exit 0
// when nothing is found, 1 when something is (so a CI step fails), 2 for bad input.
import { quotedInput } from '../../engine/text/quotedInput';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeFolder } from '../../engine/hints/analyzeFolder';
import { hintRules } from '../../engine/hints/hintRules';
import type { HintRuleInfo } from '../../engine/hints/hintTypes';
import { UserInputError } from '../../engine/userInputError';
import { hintsJson } from '../../report/hints/hintsJson';
import { hintsSarif } from '../../report/hints/hintsSarif';
import { formatHintsText } from '../../report/hints/hintsText';
import type { ParsedCli } from '../cliArguments';
import { toolIdentity } from '../toolIdentity';
import { writeJson, writeText } from '../writeOutput';

function folderArgument(positionals: string[]): string {
  if (positionals.length > 1) {
    throw new UserInputError(undefined, 'hints takes at most one folder (see --help)');
  }
  const folder = positionals[0] ?? '.';
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UserInputError(folder, 'no such folder');
  }
  if (!isFolder) {
    throw new UserInputError(folder, 'not a folder (hints scans a folder of source code)');
  }
  return resolve(folder);
}

/** The rules --rule names (all when absent); an unknown id is a usage error naming the known ones. */
function chosenRules(ids: readonly string[] | undefined): HintRuleInfo[] {
  const known = hintRules.map((rule) => rule.info);
  if (ids === undefined) {
    return known;
  }
  for (const id of ids) {
    if (!known.some((info) => info.id === id)) {
      const list = known.length === 0 ? 'none yet' : known.map((info) => info.id).join(', ');
      throw new UserInputError(undefined, `--rule: no rule ${quotedInput(id)}; the rules are: ${list}`);
    }
  }
  return known.filter((info) => ids.includes(info.id));
}

export async function hintsCommand(cli: ParsedCli): Promise<number> {
  if (cli.flags.json && cli.flags.sarif) {
    throw new UserInputError(undefined, '--json and --sarif are two output formats: choose one');
  }
  const root = folderArgument(cli.positionals);
  const rules = chosenRules(cli.flags.rule);
  const result = await analyzeFolder(root, { onlyRules: new Set(rules.map((info) => info.id)) });
  if (cli.flags.sarif) {
    writeJson(hintsSarif(root, result, rules, toolIdentity));
  } else if (cli.flags.json) {
    writeJson(hintsJson(root, result, rules));
  } else {
    writeText(formatHintsText(result));
  }
  return result.findings.length === 0 ? 0 : 1;
}
