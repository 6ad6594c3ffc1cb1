import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OperationError } from '../engine/userInputError';

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
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
