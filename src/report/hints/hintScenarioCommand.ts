// The probe command that reproduces a rule's hazard, for reports read outside the editor (CI, SARIF):
// the editor's "Reproduce with the probe" runs the same scenario from the panel.
import type { HintScenario } from '../../engine/hints/hintTypes';

/** "sqlite-lock-doctor probe <your.db> --preset seed --model blocking --busy-timeout 0". */
export function hintScenarioCommand(scenario: HintScenario, database = '<your.db>'): string {
  const flags = [`--preset ${scenario.preset}`, `--model ${scenario.model}`];
  if (scenario.client !== undefined) {
    flags.push(`--client ${scenario.client}`);
  }
  if (scenario.busyTimeoutMs !== undefined) {
    flags.push(`--busy-timeout ${scenario.busyTimeoutMs}`);
  }
  if (scenario.begin !== undefined) {
    flags.push(`--begin ${scenario.begin}`);
  }
  return `sqlite-lock-doctor probe ${database} ${flags.join(' ')}`;
}
