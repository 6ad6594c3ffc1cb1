// `hints --sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub's upload-sarif among
// them). Paths are relative to %SRCROOT% (the scanned folder), so the log means the same on any runner;
// regions are 1-based with UTF-16 columns, SARIF's default column kind and the editor's.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { hintDocsAnchor } from '../../engine/hints/hintDocs';
import type { FolderFindings, HintFinding, HintRuleInfo, HintSeverity } from '../../engine/hints/hintTypes';
import { hintScenarioCommand } from './hintScenarioCommand';
import { oneBased } from './hintsJson';

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** Absolute: SARIF requires it. */
  readonly informationUri: string;
}

export const sarifRootId = '%SRCROOT%';

const levels: Readonly<Record<HintSeverity, Sarif.ReportingConfiguration.level>> = {
  warning: 'warning',
  information: 'note',
};

function helpText({ id, fix, scenario }: HintRuleInfo): { text: string; markdown: string } {
  const reproduce =
    scenario === undefined ? undefined : { command: hintScenarioCommand(scenario), shows: scenario.shows };
  const docs = `Explained with a wrong and a right example in SQLite Lock Doctor's ${hintDocsAnchor(id)}.`;
  return {
    text: [
      `Fix: ${fix}`,
      ...(reproduce ? [`Reproduce: ${reproduce.command} (${reproduce.shows})`] : []),
      docs,
    ].join('\n'),
    markdown: [
      `**Fix:** ${fix}`,
      ...(reproduce ? [`**Reproduce:** \`${reproduce.command}\`: ${reproduce.shows}`] : []),
      docs,
    ].join('\n\n'),
  };
}

/** A relative path as a URI reference: each segment percent-encoded ('#' and '?' included). */
function relativeUri(path: string): string {
  // A lone surrogate has no UTF-8 form and would make encodeURIComponent throw: it becomes U+FFFD.
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(/\p{Cs}/gu, '\uFFFD')))
    .join('/');
}

function sarifRule(info: HintRuleInfo): Sarif.ReportingDescriptor {
  return {
    id: info.id,
    shortDescription: { text: info.message },
    fullDescription: { text: `${info.message} ${info.fix}` },
    help: helpText(info),
    defaultConfiguration: { level: levels[info.severity] },
    properties: { tags: ['sqlite', 'database-is-locked', ...info.languages] },
  };
}

function region(finding: HintFinding): Sarif.Region {
  const { line, column, endLine, endColumn } = oneBased(finding.range);
  return { startLine: line, startColumn: column, endLine, endColumn };
}

function sarifResult(finding: HintFinding, ruleIndex: number): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: sarifRootId },
          region: region(finding),
        },
      },
    ],
  };
}

/** The folder URI with its trailing slash, as SARIF requires of a base. */
function folderUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The log of one scan; `rules` are the rules that ran (all, or those --rule chose). */
export function hintsSarif(
  root: string,
  result: FolderFindings,
  rules: readonly HintRuleInfo[],
  tool: SarifTool,
): Sarif.Log {
  const indexes = new Map(rules.map((info, index) => [info.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map(sarifRule),
          },
        },
        originalUriBaseIds: { [sarifRootId]: { uri: folderUri(root) } },
        results: result.findings.map((finding) => sarifResult(finding, indexes.get(finding.ruleId) ?? -1)),
        invocations: [
          {
            executionSuccessful: true,
            // Skipped files are not findings: a notification each says which and why.
            toolExecutionNotifications: result.filesSkipped.map((file) => ({
              level: 'note',
              message: { text: `Not analysed: ${file.reason}.` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relativeUri(file.path), uriBaseId: sarifRootId },
                  },
                },
              ],
            })),
          },
        ],
      },
    ],
  };
}
