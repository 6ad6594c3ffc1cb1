// The code-hints worker thread (dist/hints-worker.js) answers as the analysis does in-process: the same
// findings for a document's text and for a folder scan of the corpus, and the registry's rules. It is a
// real worker thread, started and ended as the extension does.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { after, test } from 'node:test';
import { analyzeFolder } from '../src/engine/hints/analyzeFolder';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import { hintRules } from '../src/engine/hints/hintRules';
import { sourceLanguageOf } from '../src/engine/hints/sourceLanguage';
import { startHintsWorker } from '../src/engine/process/startHintsWorker';

const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');
const worker = startHintsWorker();
after(() => worker.terminate());

function corpusFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? corpusFiles(path) : [path];
  });
}

test('the worker lists the registry’s rules', async () => {
  assert.deepEqual(
    await worker.call('rules', {}),
    hintRules.map((rule) => rule.info),
  );
});

test('a document’s text: the same findings as the analysis in-process, and a disabled rule finds nothing', async () => {
  const samples = corpusFiles(corpus).filter((path) => sourceLanguageOf(path) !== undefined);
  for (const path of samples) {
    const text = readFileSync(path, 'utf8');
    const inProcess = await analyzeSource({ path, text, language: sourceLanguageOf(path)! });
    assert.deepEqual(await worker.call('analyzeText', { path, text, disabledRules: [] }), inProcess, path);
    const ruleIds = [...new Set(inProcess.map((finding) => finding.ruleId))];
    assert.deepEqual(await worker.call('analyzeText', { path, text, disabledRules: ruleIds }), [], path);
  }
});

test('a file no rule reads (by its name) gives nothing, whatever it contains', async () => {
  const [positive] = corpusFiles(corpus).filter((path) => path.endsWith('.py'));
  if (positive !== undefined) {
    const text = readFileSync(positive, 'utf8');
    assert.deepEqual(await worker.call('analyzeText', { path: 'notes.txt', text, disabledRules: [] }), []);
  }
});

test('a folder scan: the same findings as analyzeFolder in-process, relative to the folder', async () => {
  const inProcess = await analyzeFolder(corpus);
  const scanned = await worker.call('scanFolder', { root: corpus, excludeGlobs: [], disabledRules: [] });
  assert.deepEqual(scanned, inProcess);
  for (const finding of scanned.findings) {
    assert.ok(!isAbsolute(finding.file) && !finding.file.includes('\\'), finding.file);
    assert.ok(existsSync(join(corpus, finding.file)), `${finding.file} is a file under the folder`);
  }
});

test('a request that fails comes back as an error, and the worker goes on', async () => {
  await assert.rejects(
    worker.call('scanFolder', { root: join(corpus, 'no-such-folder'), excludeGlobs: [], disabledRules: [] }),
  );
  assert.deepEqual(await worker.call('analyzeText', { path: 'x.py', text: '', disabledRules: [] }), []);
});

test('a terminated worker says it is no longer running, and its calls fail with a sentence', async () => {
  const other = startHintsWorker();
  assert.equal(other.running, true);
  assert.equal((await other.call('rules', {})).length, hintRules.length);
  await other.terminate();
  assert.equal(other.running, false);
  await assert.rejects(other.call('rules', {}), /the code-hints worker ended/);
});
