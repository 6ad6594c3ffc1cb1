// sqlite-lock-doctor: the command-line twin of the extension. Errors are one sentence on stderr, never a
// stack; exit 0 done, 1 the operation could not be done, 2 bad input or usage.
import { printable } from '../engine/text/printable';
import { OperationError, UserInputError } from '../engine/userInputError';
import { parseCli } from './cliArguments';
import { runCommand } from './runCommand';
import { usage } from './usage';

async function main(argv: string[]): Promise<number> {
  const cli = parseCli(argv);
  if (cli.flags.help || cli.command === undefined || cli.command === 'help') {
    process.stdout.write(usage);
    return cli.command === undefined && !cli.flags.help ? 2 : 0;
  }
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await runCommand(cli, controller.signal);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** Messages name files and quote SQLite and other programs: no escape sequence reaches the terminal. */
function sentence(message: string): string {
  return message.split('\n').map(printable).join('\n');
}

function report(error: unknown): number {
  if (error instanceof UserInputError) {
    process.stderr.write(`sqlite-lock-doctor: ${sentence(error.message)}\n`);
    return 2;
  }
  if (error instanceof OperationError) {
    process.stderr.write(`sqlite-lock-doctor: ${sentence(error.message)}\n`);
    return 1;
  }
  const detail = process.env.SQLITE_LOCK_DOCTOR_DEBUG && error instanceof Error ? error.stack : undefined;
  process.stderr.write(
    `sqlite-lock-doctor: unexpected error: ${sentence(error instanceof Error ? error.message : String(error))}\n${detail ?? ''}`,
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
