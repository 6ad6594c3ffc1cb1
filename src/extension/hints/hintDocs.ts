// docs/hints.md, shipped in the VSIX: each rule's section is `### <rule-id>`. Diagnostics link to the
// section's line (the Problems view opens file links at `#L<line>`), Explain opens the Markdown preview
// at the heading (the preview scrolls to a URI's fragment, which is the heading's slug: the rule id).
import * as vscode from 'vscode';

export class HintDocs {
  readonly uri: vscode.Uri;
  /** Zero-based line of each rule's heading, once loaded. */
  private readonly headingLines = new Map<string, number>();
  /** Settles when the page has been read (or could not be: links then point at the page's top). */
  readonly loaded: Promise<void>;

  constructor(extensionUri: vscode.Uri) {
    this.uri = vscode.Uri.joinPath(extensionUri, 'docs', 'hints.md');
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
      text.split('\n').forEach((line, index) => {
        const heading = /^###\s+([a-z0-9-]+)\s*$/.exec(line);
        if (heading) {
          this.headingLines.set(heading[1], index);
        }
      });
    } catch {
      // A VSIX without the page still links to the file.
    }
  }

  /** Where a diagnostic's code links: the page at the rule's heading line. */
  lineLink(ruleId: string): vscode.Uri {
    const line = this.headingLines.get(ruleId);
    return line === undefined ? this.uri : this.uri.with({ fragment: `L${line + 1}` });
  }

  /** The rule's heading line, for the text editor when no Markdown preview is available. */
  headingLine(ruleId: string): number {
    return this.headingLines.get(ruleId) ?? 0;
  }

  /** Opens the rule's section in the Markdown preview (or, without the Markdown extension, the page itself). */
  async explain(ruleId: string): Promise<void> {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', this.uri.with({ fragment: ruleId }));
    } catch {
      const line = this.headingLine(ruleId);
      await vscode.window.showTextDocument(this.uri, {
        selection: new vscode.Range(line, 0, line, 0),
        preview: true,
      });
    }
  }
}
