import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printable } from '../engine/text/printable';
import { OperationError } from '../engine/userInputError';

/** C1 controls, bidi controls and line separators, which JSON.stringify leaves raw (it escapes C0 only). */
const jsonUnescaped = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** JSON for a terminal or a pipe: the same value, with no character that a terminal would act on. */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    jsonUnescaped,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${terminalJson(value, 2)}\n`);
}

/**
 * Every report a command prints goes out through here: its renderers already escape what came from
 * outside, and this keeps it so for any line they missed (no escape sequence, no bidi control).
 */
export function writeText(text: string): void {
  process.stdout.write(text.split('\n').map(printable).join('\n'));
}
/** Writes a report file the user asked for; returns its absolute path. */
export function writeReportFile(file: string, content: string): string {
  const absolute = resolve(file);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  } catch (error) {
    throw new OperationError(
      `could not write ${absolute}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return absolute;
}
