// Code hints in the editor: the workspace is scanned when the extension starts (every folder, minus the
// files.exclude and search.exclude globs; the walker honours .gitignore), open documents are analysed
// from their text as it changes (debounced), and files changed outside the editor make their folder be
// scanned again. The analysis runs in one worker thread, started on first use, ended on dispose: the
// host thread only turns findings into diagnostics.
import * as vscode from 'vscode';
import type { FolderFindings, HintFinding, HintRuleInfo } from '../../engine/hints/hintTypes';
import { sourceLanguageOf } from '../../engine/hints/sourceLanguage';
import { startHintsWorker, type HintsWorker } from '../../engine/process/startHintsWorker';
import { messageOf } from '../lockDoctorModel';
import { readSettings, type HintSettings } from '../settings';
import type { HintDocs } from './hintDocs';
import { hintDiagnostic, vscodeRange } from './hintDiagnostics';

/** After a keystroke, the analysis waits this long for the next one. */
const typingDelayMs = 300;
/** Files changed outside the editor (a checkout, a generator) come in bursts: one scan per burst. */
const rescanDelayMs = 1000;

export interface ScanSummary {
  /** Findings shown now, in every file. */
  findings: number;
  /** Files with at least one finding. */
  files: number;
  filesScanned: number;
}

export class HintsController implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sqliteLockDoctor.hints');
  /** What each file's diagnostics were made from, by URI string (hovers and code actions read it). */
  private readonly shown = new Map<string, readonly HintFinding[]>();
  /** The document version the findings were made from, for files analysed from the editor's text. */
  private readonly shownVersions = new Map<string, number>();
  /** Per workspace folder, the files its last scan diagnosed. */
  private readonly scannedFiles = new Map<string, Set<string>>();
  private readonly scanTickets = new Map<string, number>();
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  private readonly rescanFolders = new Set<string>();
  private rescanTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private worker: HintsWorker | undefined;
  private ruleInfos: Promise<ReadonlyMap<string, HintRuleInfo>> | undefined;
  private settings: HintSettings = readSettings().hints;
  private ticket = 0;

  constructor(private readonly docs: HintDocs) {}

  /** Listens to the editor and the file system, and scans the workspace once. */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      this.diagnostics,
      watcher,
      watcher.onDidCreate((uri) => this.fileChanged(uri)),
      watcher.onDidChange((uri) => this.fileChanged(uri)),
      watcher.onDidDelete((uri) => this.fileDeleted(uri)),
      vscode.workspace.onDidOpenTextDocument((document) => this.analyzeDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentTyped(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sqliteLockDoctor.hints')) {
          this.settings = readSettings().hints;
          void this.refreshAll();
        } else if (
          event.affectsConfiguration('files.exclude') ||
          event.affectsConfiguration('search.exclude')
        ) {
          void this.refreshAll();
        }
      }),
    );
    // Diagnostics link to the docs' lines: read the page first.
    void this.docs.loaded.then(() => this.refreshAll());
  }

  dispose(): void {
    for (const timer of this.typingTimers.values()) {
      clearTimeout(timer);
    }
    clearTimeout(this.rescanTimer);
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The findings shown in this file that touch `range`. */
  findingsAt(uri: vscode.Uri, range: vscode.Range | vscode.Position): HintFinding[] {
    const wanted = range instanceof vscode.Position ? new vscode.Range(range, range) : range;
    return (this.shown.get(uri.toString()) ?? []).filter(
      (finding) => vscodeRange(finding.range).intersection(wanted) !== undefined,
    );
  }

  /** Whether the findings' ranges still match the document's text (a quick fix edits by position). */
  matchesText(document: vscode.TextDocument): boolean {
    const version = this.shownVersions.get(document.uri.toString());
    return version === undefined ? !document.isDirty : version === document.version;
  }

  async ruleInfo(ruleId: string): Promise<HintRuleInfo | undefined> {
    this.ruleInfos ??= this.call('rules', {}).then((rules) => new Map(rules.map((rule) => [rule.id, rule])));
    try {
      return (await this.ruleInfos).get(ruleId);
    } catch (error) {
      this.ruleInfos = undefined;
      throw error;
    }
  }

  /** Scans every workspace folder again and re-analyses the open documents; what the Scan command shows. */
  async refreshAll(): Promise<ScanSummary> {
    if (!this.settings.enabled) {
      this.clearAll();
      return { findings: 0, files: 0, filesScanned: 0 };
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(
      (folder) => folder.uri.scheme === 'file',
    );
    for (const key of this.scannedFiles.keys()) {
      if (!folders.some((folder) => folder.uri.toString() === key)) {
        this.forgetFolder(key);
      }
    }
    const [scans] = await Promise.all([
      Promise.all(folders.map((folder) => this.scanFolder(folder))),
      Promise.all(vscode.workspace.textDocuments.map((document) => this.analyzeDocument(document))),
    ]);
    const counts = [...this.shown.values()].filter((findings) => findings.length > 0);
    return {
      findings: counts.reduce((sum, findings) => sum + findings.length, 0),
      files: counts.length,
      filesScanned: scans.reduce((sum, scan) => sum + (scan?.filesScanned ?? 0), 0),
    };
  }

  /** The worker, started on first use, and again if it ended (a crash must not end the hints). */
  private call: HintsWorker['call'] = (type, request) => {
    if (this.worker?.running !== true) {
      this.worker = startHintsWorker();
    }
    return this.worker.call(type, request);
  };

  private clearAll(): void {
    this.diagnostics.clear();
    this.shown.clear();
    this.shownVersions.clear();
    this.scannedFiles.clear();
  }

  private show(uri: vscode.Uri, findings: readonly HintFinding[], version?: number): void {
    if (version === undefined) {
      this.shownVersions.delete(uri.toString());
    } else {
      this.shownVersions.set(uri.toString(), version);
    }
    if (findings.length === 0) {
      this.shown.delete(uri.toString());
      this.diagnostics.delete(uri);
    } else {
      this.shown.set(uri.toString(), findings);
      this.diagnostics.set(
        uri,
        findings.map((finding) => hintDiagnostic(finding, this.docs)),
      );
    }
  }

  private isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri);
  }

  private async scanFolder(folder: vscode.WorkspaceFolder): Promise<FolderFindings | undefined> {
    const key = folder.uri.toString();
    const ticket = ++this.ticket;
    this.scanTickets.set(key, ticket);
    try {
      const result = await this.call('scanFolder', {
        root: folder.uri.fsPath,
        excludeGlobs: excludeGlobsOf(folder),
        disabledRules: this.settings.disabledRules,
      });
      if (this.scanTickets.get(key) !== ticket || !this.settings.enabled) {
        return result;
      }
      const byFile = new Map<string, HintFinding[]>();
      for (const finding of result.findings) {
        const uri = vscode.Uri.joinPath(folder.uri, finding.file).toString();
        byFile.set(uri, [...(byFile.get(uri) ?? []), finding]);
      }
      // The editor's text wins over the file on disk for open documents.
      for (const uri of this.scannedFiles.get(key) ?? []) {
        if (!byFile.has(uri) && !this.isOpen(uri)) {
          this.show(vscode.Uri.parse(uri), []);
        }
      }
      for (const [uri, findings] of byFile) {
        if (!this.isOpen(uri)) {
          this.show(vscode.Uri.parse(uri), findings);
        }
      }
      this.scannedFiles.set(key, new Set(byFile.keys()));
      return result;
    } catch (error) {
      console.warn(
        `SQLite Lock Doctor: could not scan ${folder.uri.fsPath} for lock hazards: ${messageOf(error)}`,
      );
      return undefined;
    }
  }

  private forgetFolder(key: string): void {
    for (const uri of this.scannedFiles.get(key) ?? []) {
      if (!this.isOpen(uri)) {
        this.show(vscode.Uri.parse(uri), []);
      }
    }
    this.scannedFiles.delete(key);
  }

  private async analyzeDocument(document: vscode.TextDocument): Promise<void> {
    if (!this.settings.enabled || !analyzable(document.uri)) {
      return;
    }
    const version = document.version;
    try {
      const findings = await this.call('analyzeText', {
        path: document.uri.fsPath,
        text: document.getText(),
        disabledRules: this.settings.disabledRules,
      });
      // A newer version is on its way (or the document closed): this answer is stale.
      if (!document.isClosed && document.version === version && this.settings.enabled) {
        this.show(document.uri, findings, version);
      }
    } catch (error) {
      console.warn(`SQLite Lock Doctor: could not analyse ${document.uri.fsPath}: ${messageOf(error)}`);
    }
  }

  private documentTyped(document: vscode.TextDocument): void {
    if (!analyzable(document.uri)) {
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        void this.analyzeDocument(document);
      }, typingDelayMs),
    );
  }

  private documentClosed(document: vscode.TextDocument): void {
    if (!analyzable(document.uri)) {
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder === undefined) {
      this.show(document.uri, []);
    } else if (document.isDirty) {
      // Closed without saving: the file on disk is what counts again.
      this.scheduleRescan(folder);
    }
  }

  private fileChanged(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    // An open document's changes arrive as text (documentTyped); its save changes nothing more.
    if (folder === undefined || this.isOpen(uri.toString()) || !mayHoldSources(uri)) {
      return;
    }
    this.scheduleRescan(folder);
  }

  private fileDeleted(uri: vscode.Uri): void {
    const gone = uri.toString();
    for (const shownUri of [...this.shown.keys()]) {
      if (shownUri === gone || shownUri.startsWith(`${gone}/`)) {
        this.show(vscode.Uri.parse(shownUri), []);
      }
    }
  }

  private scheduleRescan(folder: vscode.WorkspaceFolder): void {
    if (!this.settings.enabled) {
      return;
    }
    this.rescanFolders.add(folder.uri.toString());
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      const keys = new Set(this.rescanFolders);
      this.rescanFolders.clear();
      for (const candidate of vscode.workspace.workspaceFolders ?? []) {
        if (keys.has(candidate.uri.toString())) {
          void this.scanFolder(candidate);
        }
      }
    }, rescanDelayMs);
  }
}

function analyzable(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && sourceLanguageOf(uri.fsPath) !== undefined;
}

/** A source file, a folder (its files may be sources), or a .gitignore (it changes what is scanned). */
function mayHoldSources(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return analyzable(uri) || name === '.gitignore' || !name.includes('.');
}

/** The `files.exclude` and `search.exclude` globs that are on (`true`; conditional ones are left out). */
export function excludeGlobsOf(folder: vscode.WorkspaceFolder): string[] {
  const globs = new Set<string>();
  for (const section of ['files', 'search']) {
    const excludes = vscode.workspace
      .getConfiguration(section, folder.uri)
      .get<Record<string, unknown>>('exclude');
    for (const [glob, on] of Object.entries(excludes ?? {})) {
      if (on === true) {
        globs.add(glob);
      }
    }
  }
  return [...globs];
}
