// Messages between the code-hints worker thread (dist/hints-worker.js) and the extension host. Each
// request carries an id; the worker answers each with that id, once.
import type { FolderFindings, HintFinding, HintRuleInfo } from '../hints/hintTypes';

export interface HintsWorkerCalls {
  /** The registry's rules as users see them (the host never loads the rules or tree-sitter itself). */
  rules: { request: Record<string, never>; response: HintRuleInfo[] };
  /** One document's text as the editor has it (unsaved changes included), analysed as `path`'s language. */
  analyzeText: {
    request: { path: string; text: string; disabledRules: readonly string[] };
    response: HintFinding[];
  };
  /** Every source file under `root` (the walker honours .gitignore), minus the exclude globs. */
  scanFolder: {
    request: { root: string; excludeGlobs: readonly string[]; disabledRules: readonly string[] };
    response: FolderFindings;
  };
}

export type HintsWorkerCallName = keyof HintsWorkerCalls;

export type ToHintsWorker = {
  [Name in HintsWorkerCallName]: { id: number; type: Name } & HintsWorkerCalls[Name]['request'];
}[HintsWorkerCallName];

export type FromHintsWorker =
  { id: number; type: 'result'; value: unknown } | { id: number; type: 'error'; message: string };
