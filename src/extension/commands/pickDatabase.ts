// The quick pick of the workspace's SQLite files: recognised by their header (in the engine process),
// not only by name, plus "Browse…" for a file anywhere.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { engineClient } from '../engineClient';
import { showError } from '../notifications';

const maxCandidates = 5000;
// SQLite's own sidecar files and folders no app keeps its database in.
const excluded = '{**/node_modules/**,**/.git/**,**/*-wal,**/*-shm,**/*-journal}';

interface DatabaseItem extends vscode.QuickPickItem {
  file?: string;
  browse?: true;
}

export async function pickDatabase(): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<DatabaseItem>();
  quickPick.title = 'SQLite Lock Doctor: Open Database';
  quickPick.placeholder = 'Looking for SQLite files in the workspace…';
  quickPick.busy = true;
  quickPick.matchOnDescription = true;
  const browseItem: DatabaseItem = {
    label: '$(folder-opened) Browse…',
    description: 'a file outside the list',
    browse: true,
  };
  quickPick.items = [browseItem];
  quickPick.show();
  const chosen = new Promise<DatabaseItem | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
  void findWorkspaceDatabases().then(
    (files) => {
      quickPick.items = [...files.map(toItem), browseItem];
      quickPick.placeholder =
        files.length > 0
          ? 'Choose a SQLite database'
          : 'No SQLite files found in the workspace: browse for one';
      quickPick.busy = false;
    },
    (error: unknown) => {
      quickPick.placeholder = `Could not list the workspace's files: ${error instanceof Error ? error.message : String(error)}`;
      quickPick.busy = false;
    },
  );
  const item = await chosen;
  quickPick.dispose();
  if (item?.browse) {
    return browseForDatabase();
  }
  return item?.file;
}

async function findWorkspaceDatabases(): Promise<string[]> {
  if (!vscode.workspace.workspaceFolders?.length) {
    return [];
  }
  const uris = await vscode.workspace.findFiles('**/*', excluded, maxCandidates);
  const files = uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
  return files.length === 0 ? [] : (await engineClient.findDatabases(files)).sort();
}

function toItem(file: string): DatabaseItem {
  const relative = vscode.workspace.asRelativePath(file, true);
  return {
    label: `$(database) ${path.basename(file)}`,
    description: path.dirname(relative) === '.' ? '' : path.dirname(relative),
    file,
  };
}

async function browseForDatabase(): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open Database',
    filters: { 'SQLite databases': ['db', 'sqlite', 'sqlite3', 'db3'], 'All files': ['*'] },
  });
  return picked?.[0] ? fileOfUri(picked[0]) : undefined;
}

/** The engine reads files on the extension host's machine: only file: URIs have a path there. */
export function fileOfUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') {
    void showError(
      `SQLite Lock Doctor can open only files on disk, not ${uri.scheme}: resources (${uri.toString(true)}).`,
    );
    return undefined;
  }
  return uri.fsPath;
}
