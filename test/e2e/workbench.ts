// The type of what scripts/vscode/workbenchDriver.mjs hands each e2e test, and of an e2e module.
// The harness (scripts/vscode/runInCodeServer.mjs e2e) installs the VSIX into a fresh code-server, calls
// prepareWorkspace() before the window opens, then runs `tests` in order in one window.
import type { FrameLocator, Page } from 'playwright-core';

export interface Workbench {
  readonly page: Page;
  /** The folder open in the window (fresh for each run). */
  readonly workspace: string;
  log(line: string): void;
  waitForWorkbench(timeoutMs?: number): Promise<void>;
  /** Runs a command by its palette title, "Category: Title". */
  runCommand(title: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Waits until the open quick pick lists an item with this text, then accepts it. */
  chooseQuickPickItem(text: string | RegExp, options?: { timeoutMs?: number }): Promise<void>;
  /** Types into an open quick input and presses Enter. */
  answerQuickInput(text: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Waits for a modal dialog, clicks the button with this label; returns the dialog's text. */
  clickDialogButton(label: string | RegExp, options?: { timeoutMs?: number }): Promise<string>;
  /** Waits for a notification toast that matches; returns its text. */
  waitForNotification(match: string | RegExp, options?: { timeoutMs?: number }): Promise<string>;
  /** Waits for a status bar item that matches; returns its text. */
  waitForStatusBarItem(match: string | RegExp, options?: { timeoutMs?: number }): Promise<string>;
  statusBarTexts(): Promise<string[]>;
  /** The content of the index-th webview on screen (webviews nest two iframes). */
  webview(index?: number): FrameLocator;
  /** Saves a numbered screenshot into the artifacts folder; returns its path. */
  screenshot(name: string): Promise<string>;
  extensionHostLog(): string;
}

export interface E2eTest {
  name: string;
  run(workbench: Workbench): Promise<void>;
  /** Default 60 s. */
  timeoutMs?: number;
}

export interface E2eModule {
  prepareWorkspace?(workspace: string): void | Promise<void>;
  tests: E2eTest[];
}
