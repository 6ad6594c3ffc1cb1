// A small reader for schema.prisma (no tree-sitter grammar ships for it): the top-level blocks
// (`datasource db { ... }`, `generator client { ... }`, `model User { ... }`) and their `key = value`
// settings, with `//` comments removed outside strings. Enough for settings; models are not read.

export interface PrismaSetting {
  readonly key: string;
  /** The value's source text, e.g. `"sqlite"`, `env("DATABASE_URL")`, `["a", "b"]`. */
  readonly value: string;
  /** Zero-based line, and the value's UTF-16 columns on it. */
  readonly line: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface PrismaBlock {
  /** datasource, generator, model, enum, type, view. */
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly settings: readonly PrismaSetting[];
}

/** The line without its `//` comment (a `//` inside a string, as in a URL, stays). */
function withoutComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (inString && char === '\\') {
      index += 1;
    } else if (char === '"') {
      inString = !inString;
    } else if (!inString && char === '/' && line[index + 1] === '/') {
      return line.slice(0, index);
    }
  }
  return line;
}

const blockStart = /^\s*(datasource|generator|model|enum|type|view)\s+(\w+)\s*\{\s*$/;
const setting = /^(\s*)(\w+)(\s*=\s*)(.*?)\s*$/;

export function readPrismaSchema(text: string): PrismaBlock[] {
  const blocks: PrismaBlock[] = [];
  let current: { kind: string; name: string; line: number; settings: PrismaSetting[] } | undefined;
  text.split('\n').forEach((rawLine, line) => {
    const code = withoutComment(rawLine.replace(/\r$/, ''));
    if (current === undefined) {
      const start = blockStart.exec(code);
      if (start !== null) {
        current = { kind: start[1], name: start[2], line, settings: [] };
      }
      return;
    }
    if (/^\s*\}\s*$/.test(code)) {
      blocks.push(current);
      current = undefined;
      return;
    }
    const parts = setting.exec(code);
    if (parts !== null && parts[4] !== '') {
      const startColumn = parts[1].length + parts[2].length + parts[3].length;
      current.settings.push({
        key: parts[2],
        value: parts[4],
        line,
        startColumn,
        endColumn: startColumn + parts[4].length,
      });
    }
  });
  return blocks;
}

/** A setting's string value (`"sqlite"` -> sqlite); undefined for env(), lists and the rest. */
export function prismaString(value: string): string | undefined {
  const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  return literal === null ? undefined : literal[1].replace(/\\(.)/g, '$1');
}
