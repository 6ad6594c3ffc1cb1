// `hints --json`: the folder's findings with 1-based positions (as editors and CI show them) and each
// finding's rule, so a reader needs nothing else to explain it.
import { hintDocsAnchor } from '../../engine/hints/hintDocs';
import type {
  FolderFindings,
  HintFinding,
  HintRuleInfo,
  HintScenario,
  SourceRange,
} from '../../engine/hints/hintTypes';

export const hintsJsonSchema = 'sqlite-lock-doctor/hints@1';

/** 1-based lines and columns (UTF-16 code units), end exclusive as in the source range. */
export interface HintsJsonRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface HintsJsonFinding extends HintsJsonRange {
  readonly ruleId: string;
  /** Relative to `root`, with / separators. */
  readonly file: string;
  readonly message: string;
  readonly severity: HintFinding['severity'];
  readonly rule: {
    readonly id: string;
    readonly message: string;
    readonly fix: string;
    /** "docs/hints.md#<id>" in SQLite Lock Doctor's documentation. */
    readonly docs: string;
    readonly scenario?: HintScenario;
  };
  readonly quickFix?: { readonly title: string; readonly newText: string; readonly range: HintsJsonRange };
}

export interface HintsJson {
  readonly schema: typeof hintsJsonSchema;
  /** The scanned folder, absolute. */
  readonly root: string;
  readonly filesScanned: number;
  readonly filesSkipped: FolderFindings['filesSkipped'];
  readonly findings: HintsJsonFinding[];
}

export function oneBased(range: SourceRange): HintsJsonRange {
  return {
    line: range.startLine + 1,
    column: range.startColumn + 1,
    endLine: range.endLine + 1,
    endColumn: range.endColumn + 1,
  };
}

function jsonFinding(finding: HintFinding, info: HintRuleInfo | undefined): HintsJsonFinding {
  return {
    ruleId: finding.ruleId,
    file: finding.file,
    ...oneBased(finding.range),
    message: finding.message,
    severity: finding.severity,
    rule: {
      id: finding.ruleId,
      message: info?.message ?? finding.message,
      fix: info?.fix ?? '',
      docs: hintDocsAnchor(finding.ruleId),
      ...(info?.scenario === undefined ? {} : { scenario: info.scenario }),
    },
    ...(finding.quickFix === undefined
      ? {}
      : {
          quickFix: {
            title: finding.quickFix.title,
            newText: finding.quickFix.newText,
            range: oneBased(finding.quickFix.range),
          },
        }),
  };
}

/** `rules`: the rules that ran (the registry's, or those --rule chose); each finding carries its own. */
export function hintsJson(root: string, result: FolderFindings, rules: readonly HintRuleInfo[]): HintsJson {
  const byId = new Map(rules.map((info) => [info.id, info]));
  return {
    schema: hintsJsonSchema,
    root,
    filesScanned: result.filesScanned,
    filesSkipped: result.filesSkipped,
    findings: result.findings.map((finding) => jsonFinding(finding, byId.get(finding.ruleId))),
  };
}
