// Where a rule is explained: one section per rule in docs/hints.md, headed `### <rule-id>`, so the
// section's anchor is the id itself (a test ties the page to the registry).
export const hintDocsPage = 'docs/hints.md';

/** "docs/hints.md#python-sync-call-in-async": relative to the extension's (or package's) folder. */
export function hintDocsAnchor(ruleId: string): string {
  return `${hintDocsPage}#${ruleId}`;
}
