// The concurrent-write probe: prepares the target (a scratch copy by default), runs the sessions in the
// chosen execution model, and turns their timelines into a result with a verdict. The user's own tables
// are never written; the probe's table and copy are removed afterwards, also when a session is killed.
import { basename } from 'node:path';
import { checkedWholeNumber } from '../checkedWholeNumber';
import { inspectDatabase } from '../inspect/inspectDatabase';
import { probeBusyTimeout } from '../options/timeLimits';
import { openDatabase } from '../sqliteModule';
import { OperationError, UserInputError } from '../userInputError';
import { poolSize, type PresetName } from '../options/presets';
import { clientProfileFacts, type ClientProfileName } from '../options/clientProfiles';
import { beginBeforeFirstWrite } from './beginBeforeFirstWrite';
import { probeClients, probeRequestGap, probeRequests } from '../options/loadShape';
import { requestKinds } from './load/requestKinds';
import { runClients } from './load/runClients';
import { buildPreset, type PresetOptions } from './presetSchedules';
import { defaultProbeTable, probeTableSql } from './probeTable';
import { dropProbeTable } from './dropProbeTable';
import { probeResult } from './probeResult';
import type {
  BeginMode,
  ExecutionModel,
  JournalChoice,
  ProbeConfig,
  LoadShape,
  ProbeResult,
  RequestRecord,
  TimelineEvent,
} from './probeTypes';
import { scenarioPreset } from './probeTypes';
import { probeCancelled, runSessions } from './runSessions';
import { makeScratchCopy, type ScratchCopy } from './scratchCopy';
import { describeSqliteFailure } from './describeSqliteFailure';
import { journalFamily } from './lockModel';
import { sampleWalSize } from './walSizes';
import { checkStatements } from '../scenario/checkStatements';
import type { LoadedScenario } from '../scenario/scenarioPlans';

export interface ProbeOptions {
  database: string;
  preset: PresetName;
  presetOptions?: PresetOptions;
  /** A scenario file's sessions, run instead of the preset's. */
  scenario?: LoadedScenario;
  model: ExecutionModel;
  journal: JournalChoice;
  busyTimeoutMs: number;
  begin?: BeginMode;
  /** The driver whose defaults the caller resolved busyTimeoutMs and begin from (settingsForClient);
   * here it decides where BEGIN goes (Python's sqlite3 issues it only before the first write). */
  clientProfile?: ClientProfileName;
  inPlace: boolean;
  /** Run the preset's transactions as N requests, C at a time (runClients.ts), instead of its schedule. */
  load?: LoadShape;
  onEvent?: (session: string, event: TimelineEvent) => void;
  /** The file the sessions are about to write to (the scratch copy, or the database itself in place). */
  onPrepared?: (target: string) => void;
  /** Time zero on the machine's monotonic clock (process.hrtime); the timeline's times count from it. */
  onTimeZero?: (t0Ns: bigint) => void;
  signal?: AbortSignal;
}

const setupBusyTimeoutMs = 5000;

export async function runProbe(options: ProbeOptions): Promise<ProbeResult> {
  checkedWholeNumber(probeBusyTimeout, options.busyTimeoutMs);
  if (options.load) {
    checkedWholeNumber(probeRequests, options.load.requests);
    checkedWholeNumber(probeClients, options.load.clients);
    if (options.load.gapMs !== undefined) {
      checkedWholeNumber(probeRequestGap, options.load.gapMs);
    }
  }
  // The header is read before this process opens any connection to the file (the POSIX-lock hazard).
  const source = inspectDatabase(options.database);
  const wantedMode = options.journal === 'keep' ? source.journalMode : options.journal;
  const scenario = options.scenario;
  const basePlans =
    scenario?.plans ??
    buildPreset(options.preset, {
      busyTimeoutMs: options.busyTimeoutMs,
      family: journalFamily(wantedMode),
      ...options.presetOptions,
    });
  const driverPlans =
    options.clientProfile !== undefined &&
    clientProfileFacts[options.clientProfile].beginsBeforeFirstWrite.value
      ? basePlans.map(beginBeforeFirstWrite)
      : basePlans;
  const plans = options.load ? requestKinds(driverPlans) : driverPlans;
  let scratch: ScratchCopy | undefined;
  if (options.inPlace && scenario?.customSql) {
    throw new UserInputError(
      basename(scenario.file),
      'has its own SQL, which runs only on a scratch copy of the database, never --in-place',
    );
  }
  if (options.inPlace) {
    if (wantedMode !== source.journalMode) {
      throw new UserInputError(
        source.path,
        `--in-place keeps the file's journal mode (${source.journalMode}); change it with "journal --set ${wantedMode}" or probe a copy`,
      );
    }
    if (source.journal.hot) {
      throw new OperationError(
        `${source.path} has a hot journal left by a crashed writer; open it once with your app or the sqlite3 shell to roll it back, or probe a copy`,
      );
    }
  } else {
    scratch = makeScratchCopy(source.path, {
      journalMode: source.journalMode,
      walExists: source.wal.exists,
      shmExists: source.shm.exists,
      hotJournal: source.journal.hot,
    });
  }
  const target = scratch?.path ?? source.path;
  const table = defaultProbeTable;
  try {
    const prepared = prepareTarget(target, table, wantedMode);
    if (scenario?.customSql) {
      checkStatements(scenario.file, target, plans);
    }
    options.onPrepared?.(target);
    const config: ProbeConfig = {
      preset: scenario ? scenarioPreset : options.preset,
      ...(scenario
        ? {
            scenario: {
              file: scenario.file,
              ...(scenario.scenario.description ? { description: scenario.scenario.description } : {}),
            },
          }
        : {}),
      model: options.model,
      journal: options.journal,
      journalMode: prepared.journalMode,
      busyTimeoutMs: options.busyTimeoutMs,
      ...(options.begin ? { begin: options.begin } : {}),
      ...(options.clientProfile !== undefined ? { clientProfile: options.clientProfile } : {}),
      ...(options.preset === 'pool' ? { poolSize: options.presetOptions?.poolSize ?? poolSize.default } : {}),
      inPlace: options.inPlace,
      database: source.path,
      target,
      probeTable: table,
      sessions: plans,
      ...(options.load
        ? { load: { ...options.load, gapMs: options.load.gapMs ?? probeRequestGap.default } }
        : {}),
    };
    const walSizes = journalFamily(prepared.journalMode) === 'wal' ? sampleWalSize(target) : undefined;
    const common = {
      model: options.model,
      target,
      busyTimeoutMs: options.busyTimeoutMs,
      settings: {
        journalMode: prepared.journalMode,
        probeTable: table,
        ...(options.begin ? { begin: options.begin } : {}),
      },
      onEvent: options.onEvent,
      onTimeZero: (t0Ns: bigint) => {
        walSizes?.start(t0Ns);
        options.onTimeZero?.(t0Ns);
      },
      signal: options.signal,
    };
    let requests: RequestRecord[] | undefined;
    const raw = await (
      options.load
        ? runClients({ ...common, kinds: plans, load: options.load }).then((run) => {
            requests = run.requests;
            return run.logs;
          })
        : runSessions({ ...common, plans })
    ).finally(() => walSizes?.stop());
    if (options.signal?.aborted) {
      throw probeCancelled();
    }
    const result = probeResult(config, prepared.sqliteVersion, raw, countProbeRows(target, table), {
      walBytes: walSizes?.samples,
    });
    return requests ? { ...result, requests } : result;
  } finally {
    if (scratch) {
      scratch.remove();
    } else {
      dropProbeTable(target, table);
    }
  }
}

/** Sets the run's journal mode (on a copy) and creates the probe's own table, fresh. */
function prepareTarget(target: string, table: string, journalMode: string) {
  const sql = probeTableSql(table);
  try {
    const db = openDatabase(target, { timeout: setupBusyTimeoutMs, fileMustExist: true });
    try {
      const current = String(db.pragma('journal_mode', { simple: true }));
      const effective =
        current === journalMode
          ? current
          : String(db.pragma(`journal_mode = ${journalMode}`, { simple: true }));
      db.exec(sql.drop);
      db.exec(sql.create);
      return {
        journalMode: effective,
        sqliteVersion: String(db.prepare('select sqlite_version()').pluck().get()),
      };
    } finally {
      db.close();
    }
  } catch (error) {
    throw new OperationError(
      `could not prepare ${target} for the probe: ${describeSqliteFailure(error, setupBusyTimeoutMs)}`,
    );
  }
}

function countProbeRows(target: string, table: string): number {
  const db = openDatabase(target, { timeout: setupBusyTimeoutMs, fileMustExist: true });
  try {
    return Number(db.prepare(probeTableSql(table).count).pluck().get());
  } finally {
    db.close();
  }
}
