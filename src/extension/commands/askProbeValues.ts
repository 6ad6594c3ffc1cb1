// The probe's knobs from quick picks, each starting on the settings' default.
import * as vscode from 'vscode';
import type { ExecutionModel, JournalChoice } from '../../engine/probe/probeTypes';
import type { PresetChoice, ProbeFormValues } from '../../shared/panelProtocol';

interface Choice<T extends string> extends vscode.QuickPickItem {
  value: T;
}

const presets: Choice<PresetChoice>[] = [
  {
    value: 'seed',
    label: 'seed',
    detail: 'The FastAPI article: B holds its write lock 1 s, A commits at 500 ms.',
  },
  { value: 'upgrade', label: 'upgrade', detail: 'Deferred read-then-write transactions against a writer.' },
  {
    value: 'reader',
    label: 'reader',
    detail: 'A 1 s reader against a writer: rollback mode makes the writer wait.',
  },
  { value: 'burst', label: 'burst', detail: '4 writers, 25 short read-then-write transactions each.' },
];
const models: Choice<ExecutionModel>[] = [
  { value: 'processes', label: 'processes', detail: 'Each session its own OS process, like app workers.' },
  {
    value: 'threads',
    label: 'threads',
    detail: "Each session its own thread, like an async driver's connection thread.",
  },
  {
    value: 'blocking',
    label: 'blocking',
    detail: 'One event loop that a waiting statement blocks: a sync driver in an async handler.',
  },
];
const journals: Choice<JournalChoice>[] = [
  { value: 'keep', label: 'keep', detail: "The file's own journal mode." },
  { value: 'wal', label: 'wal', detail: 'Run the copy in WAL mode.' },
  { value: 'delete', label: 'delete', detail: 'Run the copy in rollback (DELETE) mode.' },
];

async function pickOne<T extends string>(
  choices: Choice<T>[],
  current: T,
  title: string,
  step: number,
): Promise<T | undefined> {
  const ordered = [...choices].sort((a, b) => Number(b.value === current) - Number(a.value === current));
  const picked = await vscode.window.showQuickPick(
    ordered.map((choice) => ({ ...choice, description: choice.value === current ? 'default' : undefined })),
    { title: `Run Concurrent-Write Probe (${step}/4): ${title}`, ignoreFocusOut: true },
  );
  return picked?.value;
}

export async function askProbeValues(defaults: ProbeFormValues): Promise<ProbeFormValues | undefined> {
  const preset = await pickOne(presets, defaults.preset, 'scenario', 1);
  const model = preset && (await pickOne(models, defaults.model, 'execution model', 2));
  const journal = model && (await pickOne(journals, defaults.journal, 'journal mode', 3));
  if (!preset || !model || !journal) {
    return undefined;
  }
  const timeout = await vscode.window.showInputBox({
    title: 'Run Concurrent-Write Probe (4/4): busy timeout',
    prompt:
      'Busy timeout of each session in milliseconds (0 is the C API default, 5000 Python and better-sqlite3).',
    value: String(defaults.busyTimeoutMs),
    ignoreFocusOut: true,
    validateInput: (text) =>
      /^\d+$/.test(text.trim()) && Number(text) <= 600_000
        ? undefined
        : 'A whole number of milliseconds from 0 to 600000',
  });
  if (timeout === undefined) {
    return undefined;
  }
  return { preset, model, journal, busyTimeoutMs: Number(timeout.trim()), begin: defaults.begin };
}
