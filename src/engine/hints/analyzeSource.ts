// One file's findings: parse once, run the rules for its language, sort by position.
import type { HintRule } from './hintRule';
import { hintRules } from './hintRules';
import type { HintFinding, SourceFile } from './hintTypes';
import { parseSource } from './sourceParser';

export interface AnalyzeOptions {
  /** Rule ids to skip (the editor's setting, the CLI's filter). */
  readonly disabledRules?: ReadonlySet<string>;
  /** Only these rules (the CLI's --rule); undefined for all. */
  readonly onlyRules?: ReadonlySet<string>;
}

function selectedRules(file: SourceFile, options: AnalyzeOptions): HintRule[] {
  return hintRules.filter(
    (rule) =>
      rule.info.languages.includes(file.language) &&
      !(options.disabledRules?.has(rule.info.id) ?? false) &&
      (options.onlyRules === undefined || options.onlyRules.has(rule.info.id)),
  );
}

export async function analyzeSource(file: SourceFile, options: AnalyzeOptions = {}): Promise<HintFinding[]> {
  const rules = selectedRules(file, options);
  if (rules.length === 0) {
    return [];
  }
  const tree = file.language === 'prisma' ? undefined : await parseSource(file.language, file.text);
  try {
    const findings: HintFinding[] = [];
    for (const rule of rules) {
      for (const raw of await rule.check({ file, tree })) {
        findings.push({
          ruleId: rule.info.id,
          file: file.path,
          range: raw.range,
          message: raw.message ?? rule.info.message,
          severity: rule.info.severity,
          ...(raw.quickFix === undefined ? {} : { quickFix: raw.quickFix }),
        });
      }
    }
    return findings.sort(
      (a, b) =>
        a.range.startLine - b.range.startLine ||
        a.range.startColumn - b.range.startColumn ||
        a.ruleId.localeCompare(b.ruleId),
    );
  } finally {
    tree?.delete();
  }
}
