// The help text. Choices, ranges and defaults come from the engine's vocabulary, so the text says
// what the parser accepts.
import { beginChoices } from '../engine/options/beginChoices';
import { clientProfiles } from '../engine/options/clientProfiles';
import type { ChoiceList } from '../engine/options/choiceList';
import { checkpointModes } from '../engine/options/checkpointModes';
import { executionModels } from '../engine/options/executionModels';
import { journalChoices, journalSwitchTargets } from '../engine/options/journalModes';
import { burstTransactions, burstWriters, poolSize, presets } from '../engine/options/presets';
import {
  checkpointBusyTimeout,
  journalSwitchBusyTimeout,
  probeBusyTimeout,
} from '../engine/options/timeLimits';
import type { WholeNumberLimit } from '../engine/options/wholeNumberLimit';
import { httpMethods, loadConcurrency, loadRequests } from '../engine/options/loadOptions';
import { recordInterval } from '../engine/options/recordLimits';
import { maxSweepLevels, probeClients, probeRequestGap, probeRequests } from '../engine/options/loadShape';
import { hintRules } from '../engine/hints/hintRules';
import { wrapText } from '../report/plainText';
import { spelled } from './cliArguments';

const hintRuleIds = hintRules.map((rule) => rule.info.id).join(', ') || 'none yet';
const hintRuleLines = wrapText(`Rules: ${hintRuleIds}.`, 100, '      ', '      ').join('\n');
const oneOf = <V extends string>(list: ChoiceList<V>) => list.values.map(spelled).join('|');
const range = (limit: WholeNumberLimit) => `${limit.min}..${limit.max}, default ${limit.default}`;
const presetLines = presets.choices.map((choice) => `  ${choice.value.padEnd(8)} ${choice.description}`);
const modelLines = executionModels.choices.map(
  (choice) => `  ${choice.value.padEnd(10)} ${choice.description}`,
);

export const usage = `Usage: sqlite-lock-doctor <command> [options]

Commands:
  inspect <file> [--json]
      Journal mode, header, -wal/-shm/-journal files and connection defaults. Changes nothing.
  locks <file> [--json] [--watch MS]
      Who holds which SQLite lock now (PID, command, lock state, waiting) and the WAL's health; with
      --watch, a new reading every MS ms (at least 100) until Ctrl-C, warning on checkpoint starvation.
      Linux only (/proc/locks); elsewhere it says which system tool to use. Takes no lock.
  record <file> [--for DURATION] [--interval MS] [--run "CMD ..." | --log FILE] [--json] [--html FILE]
      Sample the locks on the database, -wal and -shm every --interval ms (${range(recordInterval)})
      for --for (30s, 5m, 1h or ms; default: until Ctrl-C, which still writes the result), then show
      each process's lock intervals, the longest write-lock holds, writers kept in PENDING by readers,
      WAL growth and the readers pinning it. Linux only (/proc/locks). Takes no lock.
      --run starts your app and records until it exits (or --for, or Ctrl-C, which stop it); --log
      follows your app's log. Its lock-error lines are counted by kind and marked on its lane.
  checkpoint <file> [--mode ${oneOf(checkpointModes)}] [--busy-timeout MS] [--json]
      PRAGMA wal_checkpoint(MODE) on one short-lived connection: frames in the WAL and checkpointed.
      --busy-timeout ${range(checkpointBusyTimeout)} ms.
  journal <file> --set ${oneOf(journalSwitchTargets)} [--force] [--busy-timeout MS] [--json]
      Switch the journal mode and read it back. --busy-timeout ${range(journalSwitchBusyTimeout)} ms.
  probe <file> [--preset ${oneOf(presets)}] [--model ${oneOf(executionModels)}]
        [--journal ${oneOf(journalChoices)}] [--busy-timeout MS] [--begin ${oneOf(beginChoices)}]
        [--client ${oneOf(clientProfiles)}]
        [--writers N] [--transactions K] [--pool-size N] [--requests N --clients C [--gap MS]]
        [--scenario FILE] [--in-place]
        [--json] [--html FILE]
      Run concurrent sessions against a copy of the database (or, with --in-place, a table of the
      probe's own in it) and explain the lock errors they hit. Defaults: --preset ${presets.default},
      --model ${executionModels.default}, --journal ${journalChoices.default}, --begin ${beginChoices.default}; --busy-timeout ${range(probeBusyTimeout)} ms;
      burst only: --writers ${range(burstWriters)}, --transactions ${range(burstTransactions)};
      pool only: --pool-size ${range(poolSize)}. --client takes a driver's defaults (busy timeout,
      BEGIN, Python's BEGIN before the first write; docs/clients.md); --busy-timeout and --begin
      override them.
      --requests N --clients C (load shape): N of the preset's transactions as requests, taking its
      sessions' step lists in turn (the seed: A, B, A, ...), C in flight at a time, each client starting
      its next --gap ms after its last ended; schedule times are ignored. In blocking the clients share one
      event loop. --requests ${range(probeRequests)}; --clients ${range(probeClients)}; --gap
      ${range(probeRequestGap)} ms between a client's requests (an answer's round trip).
      --scenario FILE runs the sessions of a *.lockprobe.json file instead of a preset (its model,
      journal and busy timeout unless the flags say otherwise); its own SQL runs on the copy only.
  sweep <file> [--preset P] [--clients 1,2,4,8,16] [--requests N] [--gap MS] [--model M]
        [--journal J] [--busy-timeout MS] [--begin MODE] [--client NAME] [--json]
      The load shape at each concurrency level (ascending, at most ${maxSweepLevels}), each on a fresh copy:
      per level success rate, p50/p95 latency and lock errors; where the headroom ends.
  matrix <file> [--preset P] [--busy-timeout MS] [--begin MODE] [--json] [--html FILE]
      The preset across execution models x journal modes, side by side.
  load <url>... --db FILE [--requests N] [--concurrency C] [--method M] [--body JSON]
       [--header NAME:VALUE]... [--count-sql SQL | --table T] [--run "CMD ..." | --log FILE]
       [--interval MS] [--json] [--html FILE]
      The seed article's load test on your app: counts rows (a read-only query), sends N requests,
      C at a time, taking the URLs in turn, counts again, and says whether rows added = successful
      requests. --requests ${range(loadRequests)}; --concurrency ${range(loadConcurrency)};
      --method ${oneOf(httpMethods)} (default get, post with --body). http:// and https:// only;
      redirects are not followed. --run starts the app first (split like a shell would, run without
      one), waits until the first URL's port accepts connections, and stops it after the load; its
      output goes to stderr and its lock-error lines are counted by kind. --log FILE instead follows
      the log of an app that runs already. The locks are recorded during the load (as record does,
      every --interval ms): --json prints that recording, with the load's result in its "load" field.
  hints [DIR] [--json | --sarif] [--rule ID]...
      The lock hazards in the code under DIR (default: the current folder): Python, JavaScript and
      TypeScript, Go and Prisma files, skipping what .gitignore lists, dependencies and environments,
      and generated or minified files. One "path:line:col  severity  rule  message" line per finding.
      --sarif prints SARIF 2.1.0 for code scanning; --rule (repeatable) runs only those rules.
      Exit 1 when something is found.
${hintRuleLines}
  explain "<error text>" | explain --file LOG | explain -   [--json]
      Recognise a lock error (SQLITE_BUSY and its extended codes, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED,
      "database is locked" from Python, SQLAlchemy, Django, Rails, Go, Node, Prisma's timeouts, a
      Litestream checkpoint line) in pasted text, a log file or standard input (-), and say which
      cause it shows, the fix, and the probe command that reproduces it. One answer per cause, with
      counts. Exit 0 recognised, 1 not recognised (never a guess).
  demo [--html FILE]
      Create a small database in a temp folder and run the seed scenario's matrix.

Presets:
${presetLines.join('\n')}

Execution models:
${modelLines.join('\n')}

Exit codes: 0 done, 1 the operation could not be done (also a checkpoint left busy, hints found, and
explain recognising nothing), 2 bad input or usage.
`;
