// The databases this workspace had open, as the host knows them (the user picked each, or a command
// made it). A reloaded panel hands back the path it showed; that path is reopened only when it is one
// of these, so a webview cannot make the host read a file the user did not pick.
import type * as vscode from 'vscode';

const key = 'sqliteLockDoctor.pickedDatabases';
/** Enough for the files a person switches between in one workspace. */
const kept = 20;

export class PickedDatabases {
  constructor(private readonly storage: vscode.Memento) {}

  remember(path: string): void {
    const paths = this.paths().filter((known) => known !== path);
    void this.storage.update(key, [path, ...paths].slice(0, kept));
  }

  has(path: string): boolean {
    return this.paths().includes(path);
  }

  private paths(): string[] {
    const stored = this.storage.get<unknown>(key);
    return Array.isArray(stored) ? stored.filter((path): path is string => typeof path === 'string') : [];
  }
}
