// The --run command, split into a program and its arguments as a POSIX shell would split it (quotes,
// backslashes, $VARIABLES from our environment, leading NAME=value assignments), by shell-quote.
//
// It runs without a shell on purpose: the program we start is then the app itself, so its PID is the
// lane its lock errors belong on, and stopping it signals the app, not a shell in front of it.
// Pipes, redirections, `&&` and globs are refused with a sentence that says how to get them.
import { parse } from 'shell-quote';
import { UserInputError } from '../userInputError';

export interface CommandWords {
  program: string;
  args: string[];
  /** Leading NAME=value assignments, as a shell would put them in the program's environment. */
  env: Record<string, string>;
}

const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export function splitCommand(flag: string, text: string, environment = process.env): CommandWords {
  const words: string[] = [];
  for (const entry of parse(text, environment)) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('comment' in entry) {
      break;
    } else {
      const shown = entry.op === 'glob' ? entry.pattern : entry.op;
      throw new UserInputError(
        undefined,
        `${flag} runs one program with its arguments, without a shell, so "${shown}" has no meaning there; ` +
          `for pipes, redirections, && or wildcards write ${flag} "sh -c '...'"`,
      );
    }
  }
  const env: Record<string, string> = {};
  while (words.length > 0 && assignment.test(words[0])) {
    const [, name, value] = assignment.exec(words.shift() ?? '') ?? [];
    env[name] = value;
  }
  const [program, ...args] = words;
  if (program === undefined || program === '') {
    throw new UserInputError(undefined, `${flag} needs a command to run, e.g. ${flag} "uvicorn app:app"`);
  }
  return { program, args, env };
}
