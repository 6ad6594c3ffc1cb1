// The ONE definition of a scenario file (*.lockprobe.json): a TypeBox schema gives both the JSON Schema
// (draft-07, which VS Code's JSON language service handles fully; schemas/lockprobe.schema.json is
// written from it) and the TypeScript types, with choices and limits taken from ../options.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { beginChoices } from '../options/beginChoices';
import { clientProfiles, type ClientProfileName } from '../options/clientProfiles';
import type { Choice, ChoiceList } from '../options/choiceList';
import { executionModels } from '../options/executionModels';
import { journalChoices } from '../options/journalModes';
import {
  scenarioHoldTime,
  scenarioRepeat,
  scenarioSessions,
  scenarioSqlLength,
  scenarioStartTime,
  scenarioSteps,
} from '../options/scenarioLimits';
import { probeBusyTimeout } from '../options/timeLimits';
import { stepOps, type StepOp } from '../options/stepOps';
import type { WholeNumberLimit } from '../options/wholeNumberLimit';

/** A string out of a choice list, each value explained in the editor's completion. */
function choice<V extends string, const O extends V = V>(
  list: ChoiceList<V>,
  description: string,
  only?: readonly O[],
) {
  const choices: readonly Choice<V>[] = only
    ? list.choices.filter((entry) => (only as readonly string[]).includes(entry.value))
    : list.choices;
  return Type.Unsafe<O>({
    type: 'string',
    enum: choices.map((entry) => entry.value),
    enumDescriptions: choices.map((entry) => entry.description),
    description,
  });
}

function wholeNumber(limit: WholeNumberLimit, description = limit.description) {
  return Type.Integer({
    minimum: limit.min,
    maximum: limit.max,
    description: `${description.replace(/\.$/, '')}: ${limit.min} to ${limit.max}${limit.unit ? ` ${limit.unit}` : ''}.`,
  });
}

/** Fails wherever the property appears: a field that only some steps take. */
function onlyFor(message: string): TSchema {
  return Type.Unsafe({ not: {}, errorMessage: message });
}

const sqlOps: readonly StepOp[] = ['read', 'write'];

const stepSchema = Type.Object(
  {
    op: choice(stepOps, 'What the step does.'),
    at: Type.Optional(wholeNumber(scenarioStartTime)),
    mode: Type.Optional(
      choice(beginChoices, 'For begin: BEGIN DEFERRED (the default), IMMEDIATE or EXCLUSIVE.', [
        'deferred',
        'immediate',
        'exclusive',
      ]),
    ),
    ms: Type.Optional(wholeNumber(scenarioHoldTime)),
    sql: Type.Optional(
      Type.String({
        minLength: scenarioSqlLength.min,
        maxLength: scenarioSqlLength.max,
        description:
          "For read and write: your own statement (one, without parameters), run instead of the probe's own on the scratch copy only, never --in-place. It is prepared on the copy before the run, so a table or column the copy lacks is reported first.",
        examples: ['UPDATE accounts SET balance = balance - 1 WHERE id = 1', 'SELECT count(*) FROM accounts'],
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'One step of the session, run in order.',
    // Which fields which steps take; VS Code checks these as the user types, the run checks them too.
    allOf: [
      { if: { properties: { op: { const: 'hold' } } }, then: { required: ['ms'] } },
      {
        if: { properties: { op: { not: { const: 'hold' } } } },
        then: { properties: { ms: onlyFor('ms is only for a hold step') } },
      },
      {
        if: { properties: { op: { not: { const: 'begin' } } } },
        then: { properties: { mode: onlyFor('mode is only for a begin step') } },
      },
      {
        if: { properties: { op: { not: { enum: sqlOps } } } },
        then: { properties: { sql: onlyFor('sql is only for a read or write step') } },
      },
    ],
    defaultSnippets: [
      { label: 'begin', body: { op: 'begin', at: 0 } },
      { label: 'write', body: { op: 'write' } },
      { label: 'hold', body: { op: 'hold', ms: 500 } },
      { label: 'commit', body: { op: 'commit' } },
    ],
  },
);

const sessionSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[A-Za-z0-9_.-]+$',
      description:
        'The session\'s name on the timeline: letters, digits, "_", "." and "-", unique in the file.',
    }),
    steps: Type.Array(stepSchema, {
      minItems: scenarioSteps.min,
      maxItems: scenarioSteps.max,
      description: `The session's schedule, ${scenarioSteps.min} to ${scenarioSteps.max} steps.`,
    }),
    repeat: Type.Optional(wholeNumber(scenarioRepeat)),
    busyTimeoutMs: Type.Optional(
      wholeNumber(probeBusyTimeout, "This session's busy timeout, when it differs from the file's"),
    ),
    begin: Type.Optional(
      choice(beginChoices, "The mode of this session's begin steps that name none (default DEFERRED).", [
        'deferred',
        'immediate',
        'exclusive',
      ]),
    ),
    sharedCache: Type.Optional(
      Type.Boolean({
        description:
          'Open the connection with cache=shared (node:sqlite): sessions of one process that set it share one cache (needs model threads or blocking).',
      }),
    ),
    pooled: Type.Optional(
      Type.Boolean({
        description:
          "One connection of an application's pool (the pool preset): it serves its requests one after another (repeat).",
      }),
    ),
    client: Type.Optional(
      choice(
        clientProfiles,
        "The driver this session's connection behaves like: its default busy timeout and BEGIN, unless busyTimeoutMs or begin say otherwise (docs/clients.md).",
        clientProfiles.values.filter((value) => value !== 'none') as ClientProfileName[],
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'One connection and what it does.',
    defaultSnippets: [
      {
        label: 'writer',
        body: { name: '${1:writer}', steps: [{ op: 'begin', at: 0 }, { op: 'write' }, { op: 'commit' }] },
      },
    ],
  },
);

export const scenarioSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'The schema of this file (optional).' })),
    description: Type.Optional(
      Type.String({ maxLength: 2000, description: 'What the scenario reproduces, in a sentence or two.' }),
    ),
    journal: Type.Optional(choice(journalChoices, 'The journal mode the sessions run in (default keep).')),
    busyTimeoutMs: Type.Optional(wholeNumber(probeBusyTimeout, "The sessions' busy timeout (default 5000)")),
    model: Type.Optional(choice(executionModels, 'How the sessions run (default processes).')),
    sessions: Type.Array(sessionSchema, {
      minItems: scenarioSessions.min,
      maxItems: scenarioSessions.max,
      description: `The sessions that run at once, ${scenarioSessions.min} to ${scenarioSessions.max}.`,
    }),
  },
  {
    additionalProperties: false,
    title: 'SQLite Lock Doctor scenario',
    description:
      'Sessions for the concurrent-write probe: run with `sqlite-lock-doctor probe <db> --scenario FILE` or "SQLite Lock Doctor: Run Scenario File".',
  },
);

export type Scenario = Static<typeof scenarioSchema>;
export type ScenarioSession = Scenario['sessions'][number];
export type ScenarioStep = ScenarioSession['steps'][number];

/** The file schemas/lockprobe.schema.json holds (and the VSIX ships for VS Code's jsonValidation). */
export function scenarioJsonSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(JSON.parse(JSON.stringify(scenarioSchema)) as object),
  };
}
