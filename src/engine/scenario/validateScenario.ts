// Checks a parsed scenario file against its schema (Ajv, compiled once) and the rules the schema cannot
// say; the first problem comes back as one sentence naming its JSON path.
import Ajv, { type ValidateFunction } from 'ajv';
import { scenarioProblem } from './checkScenario';
import { firstSchemaError, schemaProblem } from './schemaProblem';
import { scenarioJsonSchema, type Scenario } from './scenarioSchema';

/** VS Code's own keywords in the schema: for the editor, no meaning to the validation. */
const editorKeywords = ['enumDescriptions', 'markdownDescription', 'defaultSnippets', 'errorMessage'];

let compiled: ValidateFunction<Scenario> | undefined;

function validator(): ValidateFunction<Scenario> {
  if (compiled === undefined) {
    // verbose: each error carries its schema, where our own errorMessage texts are.
    const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
    ajv.addVocabulary(editorKeywords);
    compiled = ajv.compile<Scenario>(scenarioJsonSchema());
  }
  return compiled;
}

export function validateScenario(data: unknown): { scenario: Scenario } | { problem: string } {
  const validate = validator();
  if (!validate(data)) {
    const error = firstSchemaError(validate.errors ?? []);
    return { problem: error ? schemaProblem(error) : 'does not match the scenario schema' };
  }
  const problem = scenarioProblem(data);
  return problem ? { problem } : { scenario: data };
}
