// Generated webview messages: every message the panel may send (from its protocol and the engine's
// vocabulary), and the same messages with one field replaced by anything.
import fc from 'fast-check';
import { beginChoices } from '../../../src/engine/options/beginChoices';
import { clientProfiles } from '../../../src/engine/options/clientProfiles';
import { executionModels } from '../../../src/engine/options/executionModels';
import { exportFormats } from '../../../src/engine/options/exportFormats';
import { journalChoices, journalSwitchTargets } from '../../../src/engine/options/journalModes';
import { poolSize, presets } from '../../../src/engine/options/presets';
import { probeBusyTimeout } from '../../../src/engine/options/timeLimits';
import type { FromPanel, ProbeFormValues } from '../../../src/shared/panelProtocol';

export const validProbeForm: fc.Arbitrary<ProbeFormValues> = fc.record(
  {
    preset: fc.constantFrom(...presets.values),
    model: fc.constantFrom(...executionModels.values),
    journal: fc.constantFrom(...journalChoices.values),
    busyTimeoutMs: fc.integer({ min: probeBusyTimeout.min, max: probeBusyTimeout.max }),
    begin: fc.constantFrom(...beginChoices.values),
    client: fc.constantFrom(...clientProfiles.values),
    poolSize: fc.integer({ min: poolSize.min, max: poolSize.max }),
  },
  { requiredKeys: ['preset', 'model', 'journal', 'busyTimeoutMs', 'begin'], noNullPrototype: true },
);

export const validPanelMessage: fc.Arbitrary<FromPanel> = fc.oneof(
  fc.constantFrom(
    ...(['ready', 'openDatabase', 'refresh', 'cancelProbe', 'stopRecording'] as const).map((type) => ({
      type,
    })),
  ),
  fc
    .constantFrom(...journalSwitchTargets.values)
    .map((target) => ({ type: 'switchJournal' as const, target })),
  validProbeForm.map((form) => ({ type: 'runProbe' as const, form })),
  fc
    .record({
      format: fc.constantFrom(...exportFormats.values),
      subject: fc.constantFrom('probe', 'recording'),
    })
    .map(({ format, subject }) => ({
      type: 'export' as const,
      format,
      subject,
    })),
);

/** What structured clone can carry: JSON-like values plus undefined, NaN, -0, big numbers, nested objects. */
export const clonedValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withObjectString: true,
});

/** A valid message with one field (at the top or in the form) replaced by any value, or removed. */
export const tamperedPanelMessage: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(validPanelMessage, fc.nat(), clonedValue, fc.boolean())
  .map(([message, pick, value, remove]) => {
    const copy = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    const target = copy.form !== undefined && pick % 2 === 0 ? (copy.form as Record<string, unknown>) : copy;
    const keys = [...Object.keys(target), 'extra'];
    const key = keys[pick % keys.length];
    if (remove) {
      delete target[key];
    } else {
      target[key] = value;
    }
    return copy;
  });
