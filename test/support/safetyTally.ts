// Issue 12's proof is counted, not claimed: every property, fault, hostile-text and soak case adds its
// counts here, and `npm test` ends with their sum (scripts/safetyTally.mjs summary). The file lives
// outside out/ because the VS Code test scripts rebuild (and so empty) out/ between the suites.
import { appendFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** The families the summary requires; a family with no record fails the run loudly. */
export type SafetyFamily = 'property' | 'faults' | 'hostile-text' | 'soak';

export interface SafetyCases {
  family: SafetyFamily;
  /** What was tried, e.g. 'header decoder' or 'SIGKILL engine child during the scratch copy'. */
  suite: string;
  tried: number;
  /** Cases after which the user's database failed integrity_check or changed unasked. */
  dataLost?: number;
  /** Cases where hostile text came out as markup (a live element, an escape sequence in the terminal). */
  markupRendered?: number;
  /** Processes or file descriptors still there after the case. */
  leaked?: number;
}

/** Where the records go: SAFETY_TALLY_FILE, else test-results/ at the repository root (bundles live in out/X/). */
export function safetyTallyFile(): string {
  // The e2e bundle is an ES module (no __dirname): its harness runs from the repository root.
  const root = typeof __dirname === 'undefined' ? process.cwd() : path.resolve(__dirname, '..', '..');
  return process.env.SAFETY_TALLY_FILE ?? path.resolve(root, 'test-results', 'safety-tally.jsonl');
}

/** Call once per suite, after its cases ran, with what it counted (zeros included: they are the claim). */
export function recordSafetyCases(cases: SafetyCases): void {
  const file = safetyTallyFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const record = { dataLost: 0, markupRendered: 0, leaked: 0, ...cases };
  appendFileSync(file, JSON.stringify(record) + '\n');
}
