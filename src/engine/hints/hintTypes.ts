// Code hints: what a rule is, and what it finds. One definition for the editor, the CLI, SARIF and
// docs/hints.md. Pure types: the analysis itself runs in a worker or the CLI, never in the host thread.
import type { BeginChoice } from '../options/beginChoices';
import type { ClientProfileName } from '../options/clientProfiles';
import type { ExecutionModel } from '../options/executionModels';
import type { PresetName } from '../options/presets';

/** The languages a source file is parsed as (a tree-sitter grammar each), and the config formats. */
export type HintLanguage = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'prisma';

/** How much a finding risks "database is locked": never an error, the code may be right. */
export type HintSeverity = 'warning' | 'information';

/** The probe run that shows what the hazard does: the panel runs it on the open or a scratch database. */
export interface HintScenario {
  readonly preset: PresetName;
  readonly model: ExecutionModel;
  /** undefined: the preset's default (5 000 ms). */
  readonly busyTimeoutMs?: number;
  readonly begin?: BeginChoice;
  /** The driver whose defaults (busy timeout, BEGIN) the run takes where the fields above are unset. */
  readonly client?: ClientProfileName;
  /** One line: what the user will see in the timeline. */
  readonly shows: string;
}

/** A rule as users and reports see it; its check lives beside it in a per-language folder. */
export interface HintRuleInfo {
  /** Stable, kebab-case, e.g. "python-sync-call-in-async"; the key of docs/hints.md#<id> and settings. */
  readonly id: string;
  readonly languages: readonly HintLanguage[];
  /** One line shown in the Problems view and in CI. */
  readonly message: string;
  readonly severity: HintSeverity;
  /** One line: the fix, for hovers and SARIF's help text. */
  readonly fix: string;
  /** undefined when no preset reproduces it yet. */
  readonly scenario?: HintScenario;
}

/** Zero-based lines and UTF-16 columns, as VS Code's Range and tree-sitter's Point (columns in JS chars). */
export interface SourceRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A mechanical, safe change the user may apply (shown, never applied unasked). */
export interface HintEdit {
  readonly title: string;
  readonly range: SourceRange;
  readonly newText: string;
}

export interface HintFinding {
  readonly ruleId: string;
  /** The file as given to the analysis (absolute, or relative to the scanned folder). */
  readonly file: string;
  readonly range: SourceRange;
  /** The rule's message, or a more precise one naming what was found (e.g. the call's text). */
  readonly message: string;
  readonly severity: HintSeverity;
  readonly quickFix?: HintEdit;
}

/** One file's text handed to the rules, parsed once per language. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly language: HintLanguage;
}

/** A folder's analysis: the CLI's report and the editor's workspace scan. */
export interface FolderFindings {
  /** Sorted by file, then position; `file` relative to the folder, with / separators. */
  readonly findings: HintFinding[];
  /** Source files read and analysed. */
  readonly filesScanned: number;
  /** Source files left out, each with why (too large, minified or generated, unreadable, not UTF-8). */
  readonly filesSkipped: { readonly path: string; readonly reason: string }[];
}
