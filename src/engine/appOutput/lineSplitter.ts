// Turns a stream's chunks into lines: UTF-8 decoded across chunk boundaries, "\n" or "\r\n" ends a
// line, and a line longer than the cap is cut (an app printing megabytes without a line break must not
// grow memory without bound).
import { StringDecoder } from 'node:string_decoder';

export const maxLineChars = 4000;

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private cut = false;

  constructor(private readonly onLine: (text: string) => void) {}

  push(chunk: Buffer): void {
    this.take(this.decoder.write(chunk));
  }

  /** The stream ended: a last line without a line break still counts. */
  end(): void {
    this.take(this.decoder.end());
    if (this.pending !== '' || this.cut) {
      this.emit();
    }
  }

  private take(text: string): void {
    let start = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', start)) {
      this.append(text.slice(start, index));
      this.emit();
      start = index + 1;
    }
    this.append(text.slice(start));
  }

  private append(text: string): void {
    if (this.cut) {
      return;
    }
    this.pending += text;
    if (this.pending.length > maxLineChars) {
      this.pending = `${this.pending.slice(0, maxLineChars)}…`;
      this.cut = true;
    }
  }

  private emit(): void {
    const line = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    this.cut = false;
    this.onLine(line);
  }
}
