// Turns what Ajv found wrong in a scenario file into one sentence naming the JSON path (a JSON Pointer:
// /sessions/1/steps/2/op), the way a user fixes it, never Ajv's own wording where ours is clearer.
import type { ErrorObject } from 'ajv';

const shownLength = 40;

/** A value as the sentence quotes it: JSON, cut short (control characters come out escaped). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > shownLength ? `${text.slice(0, shownLength)}…` : text;
}

const typeNames: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

interface SchemaFacts {
  minimum?: number;
  maximum?: number;
  errorMessage?: string;
  properties?: Record<string, unknown>;
}

/** The error that says most: a field's own value before the rules between fields (allOf, which Ajv
 * checks first), and never the "if" whose "then" failed, which adds nothing. */
export function firstSchemaError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const telling = errors.filter((error) => error.keyword !== 'if');
  return telling.find((error) => !error.schemaPath.includes('/allOf/')) ?? telling[0];
}

export function schemaProblem(error: ErrorObject): string {
  const path = error.instancePath || 'the top level';
  const parent = (error.parentSchema ?? {}) as SchemaFacts;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `${path} must be one of ${(params.allowedValues as unknown[]).join(', ')}, not ${shown(error.data)}`;
    case 'type':
      return `${path} must be ${typeNames[String(params.type)] ?? String(params.type)}, not ${shown(error.data)}`;
    case 'required':
      return `${path} needs "${String(params.missingProperty)}"`;
    case 'additionalProperties': {
      const known = Object.keys(parent.properties ?? {}).join(', ');
      return `${error.instancePath}/${String(params.additionalProperty)} is not a field here (the fields are ${known})`;
    }
    case 'minimum':
    case 'maximum':
      return `${path} must be a whole number from ${parent.minimum} to ${parent.maximum}, not ${shown(error.data)}`;
    case 'minItems':
      return `${path} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${path} has ${(error.data as unknown[]).length} items; at most ${String(params.limit)} are allowed`;
    case 'minLength':
      return `${path} must not be empty`;
    case 'maxLength':
      return `${path} is ${(error.data as string).length} characters long; at most ${String(params.limit)} are allowed`;
    case 'pattern':
      return `${path} may hold only letters, digits, "_", "." and "-", not ${shown(error.data)}`;
    case 'not':
      return `${path} is not allowed: ${parent.errorMessage ?? 'it does not belong here'}`;
    default:
      return `${path} ${error.message ?? 'is not valid'}`;
  }
}
