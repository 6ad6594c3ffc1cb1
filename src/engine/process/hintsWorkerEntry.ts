// Entry of the code-hints worker thread (dist/hints-worker.js): parses and analyses source files off the
// extension host's thread. It reads source files only, never a database, and holds nothing between
// requests but the parsers and compiled queries (kept: loading a grammar costs more than a parse).
import { parentPort } from 'node:worker_threads';
import { analyzeFolder } from '../hints/analyzeFolder';
import { analyzeSource } from '../hints/analyzeSource';
import { hintRules } from '../hints/hintRules';
import type { HintFinding } from '../hints/hintTypes';
import { sourceLanguageOf } from '../hints/sourceLanguage';
import type { FromHintsWorker, ToHintsWorker } from './hintsWorkerProtocol';

async function answer(request: ToHintsWorker): Promise<unknown> {
  switch (request.type) {
    case 'rules':
      return hintRules.map((rule) => rule.info);
    case 'analyzeText': {
      const language = sourceLanguageOf(request.path);
      if (language === undefined) {
        return [] satisfies HintFinding[];
      }
      return analyzeSource(
        { path: request.path, text: request.text, language },
        { disabledRules: new Set(request.disabledRules) },
      );
    }
    case 'scanFolder':
      return analyzeFolder(request.root, {
        disabledRules: new Set(request.disabledRules),
        excludeGlobs: request.excludeGlobs,
      });
  }
}

const port = parentPort;
if (port === null) {
  process.stderr.write('hints-worker.js is started by the SQLite Lock Doctor extension, not by hand.\n');
  process.exitCode = 2;
} else {
  port.on('message', (request: ToHintsWorker) => {
    answer(request).then(
      (value) => port.postMessage({ id: request.id, type: 'result', value } satisfies FromHintsWorker),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies FromHintsWorker),
    );
  });
}
