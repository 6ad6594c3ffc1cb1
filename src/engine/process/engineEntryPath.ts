import { join } from 'node:path';

/** The build puts engine-process.js beside every bundle that contains the engine (esbuild.mjs). */
export function engineEntryPath(): string {
  return join(__dirname, 'engine-process.js');
}
