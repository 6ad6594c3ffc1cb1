// The explanations shown in the Markdown preview: read-only virtual documents (nothing to save, no
// file written), the last few kept so a reopened preview still has its text.
import * as vscode from 'vscode';

export const explainScheme = 'sqlite-lock-doctor-explain';
const kept = 10;

export class ExplainDocuments implements vscode.TextDocumentContentProvider {
  private readonly pages = new Map<string, string>();
  private next = 1;

  /** A new page's URI; its text is `markdown`. */
  add(markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: explainScheme, path: `/Lock error ${this.next}.md` });
    this.next += 1;
    this.pages.set(uri.toString(), markdown);
    for (const old of [...this.pages.keys()].slice(0, Math.max(0, this.pages.size - kept))) {
      this.pages.delete(old);
    }
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.pages.get(uri.toString()) ??
      '# Explain a lock error\n\nThis explanation is no longer kept; run the command again.\n'
    );
  }
}
