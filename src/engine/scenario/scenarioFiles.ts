// The files written from the scenario definition: the JSON Schema that the VSIX ships for VS Code's
// jsonValidation, and one example per preset (the preset's own sessions, in the scenario format).
// test/scenarioFiles.test.ts fails when a file in the repository differs (and rewrites them on request).
import { presets, type PresetName } from '../options/presets';
import { journalFamily } from '../probe/lockModel';
import { buildPreset } from '../probe/presetSchedules';
import type { ExecutionModel, JournalChoice } from '../probe/probeTypes';
import { planSessions } from './scenarioPlans';
import { scenarioJsonSchema, type Scenario } from './scenarioSchema';

export const scenarioSchemaPath = 'schemas/lockprobe.schema.json';

export function examplePath(preset: PresetName): string {
  return `examples/${preset}.lockprobe.json`;
}

/** What a preset needs that its sessions do not say: one process for a shared cache, a journal family. */
const exampleSettings: Partial<Record<PresetName, { model?: ExecutionModel; journal?: JournalChoice }>> = {
  'shared-cache': { model: 'threads' },
  'checkpoint-starvation': { journal: 'wal' },
  // The rollback-mode variant: in WAL the preset sizes its writer by the journal (2000 commits).
  'forgotten-cursor': { journal: 'delete' },
};

/** A preset as a scenario file, with the preset's default sizes and busy timeout. */
export function presetScenario(preset: PresetName): Scenario {
  const choice = presets.choices.find((entry) => entry.value === preset);
  const journal = exampleSettings[preset]?.journal;
  return {
    $schema: `../${scenarioSchemaPath}`,
    description: choice?.description ?? preset,
    ...exampleSettings[preset],
    sessions: planSessions(
      buildPreset(preset, journal && journal !== 'keep' ? { family: journalFamily(journal) } : {}),
    ),
  };
}

const lineWidth = 100;

/** JSON on one line, spaced as Prettier spaces it: { "op": "begin", "at": 0 }. */
function flatJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(flatJson).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${flatJson(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON with two spaces, and any object or array that fits on one line kept on one line (a step). */
export function compactJson(value: unknown, indent = ''): string {
  const flat = flatJson(value);
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= lineWidth) {
    return flat;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + compactJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`).join(',\n')}\n${indent}}`;
}

/** Every written file: its path in the repository and its text. */
export function scenarioFiles(): { path: string; text: string }[] {
  return [
    { path: scenarioSchemaPath, text: `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n` },
    ...presets.values.map((preset) => ({
      path: examplePath(preset),
      text: `${compactJson(presetScenario(preset))}\n`,
    })),
  ];
}
