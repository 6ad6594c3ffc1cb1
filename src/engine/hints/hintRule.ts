// A rule's check: given one parsed file, the findings. Each language folder exports its rules; the
// registry (hintRules.ts) lists them all, once.
import type { Node, Tree } from 'web-tree-sitter';
import type { HintEdit, HintRuleInfo, SourceFile, SourceRange } from './hintTypes';

export interface RuleContext {
  readonly file: SourceFile;
  /** undefined for files read without tree-sitter (schema.prisma). */
  readonly tree: Tree | undefined;
}

/** What a check reports; the analysis adds the rule's id, severity and file. */
export interface RawFinding {
  readonly range: SourceRange;
  /** Defaults to the rule's message. */
  readonly message?: string;
  readonly quickFix?: HintEdit;
}

export interface HintRule {
  readonly info: HintRuleInfo;
  check(context: RuleContext): RawFinding[] | Promise<RawFinding[]>;
}

/** A tree-sitter node's range in the shape findings use. */
export function rangeOf(node: Node): SourceRange {
  return {
    startLine: node.startPosition.row,
    startColumn: node.startPosition.column,
    endLine: node.endPosition.row,
    endColumn: node.endPosition.column,
  };
}
