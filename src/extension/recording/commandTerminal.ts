// The terminal that shows the output of the command run while recording, live. An extension terminal
// (a Pseudoterminal): the command itself runs in the recorder's child process, which captures its lines
// for the timeline and forwards the output here. Closing the terminal, or Ctrl-C in it, stops the command.
import * as vscode from 'vscode';

export class CommandTerminal implements vscode.Disposable {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly terminal: vscode.Terminal;
  private opened = false;
  private closedByCode = false;
  /** Output that came before VS Code opened the terminal. */
  private pending: string[] = [];

  constructor(
    command: string,
    /** The user closed the terminal or pressed Ctrl-C. */
    onStop: () => void,
  ) {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.written.event,
      open: () => {
        this.opened = true;
        for (const text of this.pending) {
          this.written.fire(text);
        }
        this.pending = [];
      },
      close: () => {
        if (!this.closedByCode) {
          onStop();
        }
      },
      handleInput: (data) => {
        if (data === '\x03') {
          onStop();
        }
      },
    };
    this.terminal = vscode.window.createTerminal({
      name: command,
      pty,
      iconPath: new vscode.ThemeIcon('record'),
    });
    this.terminal.show(true);
  }

  /** Output of the command, as it came (a pipe's bare line feeds become the terminal's CR LF). */
  write(text: string): void {
    const converted = text.replace(/\r?\n/g, '\r\n');
    if (this.opened) {
      this.written.fire(converted);
    } else {
      this.pending.push(converted);
    }
  }

  /** A line of our own, dimmed, so it is not mistaken for the command's output. */
  note(text: string): void {
    this.write(`\x1b[2m${text}\x1b[0m\n`);
  }

  dispose(): void {
    this.closedByCode = true;
    this.terminal.dispose();
    this.written.dispose();
  }
}
