// The official SARIF 2.1.0 JSON schema (the OASIS release, "2.1.0-rtm.5", as Microsoft's sarif-js-sdk
// ships it in @microsoft/jest-sarif), compiled with Ajv: a draft-04 schema, with its uri and date-time
// formats checked too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schemaFile = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@microsoft',
  'jest-sarif',
  'lib',
  'schemas',
  'sarif-2.1.0-rtm.5.json',
);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled !== undefined) {
    return compiled;
  }
  // The schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not valid with the
  // regexp `u` flag, which Ajv uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  compiled = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return compiled;
}

/** The schema's complaints about `log` ("/runs/0/results/0/level must be equal to one of ..."), or []. */
export function sarifProblems(log: unknown): string[] {
  const validate = validator();
  return validate(log)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
