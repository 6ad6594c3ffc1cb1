// A tiny test runner for the extension host. `test()` registers a test; `runRegisteredTests()` runs them in
// order, one at a time, prints one line each, writes the results where the harness asked
// (LOCK_DOCTOR_TEST_RESULTS) after every test, and throws when any failed or none ran, so that `run()`
// rejects and VS Code reports exit code 1.
import { writeFileSync } from 'node:fs';

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface TestOptions {
  /** Default 30 s. */
  timeoutMs?: number;
}

type TestBody = () => void | Promise<void>;

interface RegisteredTest {
  name: string;
  body: TestBody;
  timeoutMs: number;
}

const registered: RegisteredTest[] = [];

export function test(name: string, body: TestBody, options: TestOptions = {}): void {
  if (registered.some((existing) => existing.name === name)) {
    throw new Error(`two tests are named "${name}"`);
  }
  registered.push({ name, body, timeoutMs: options.timeoutMs ?? 30_000 });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // The message (with assert's diff) and the first frames, not the extension host's internals.
    const stack = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    return [error.message, ...stack.slice(0, 4)].join('\n');
  }
  return String(error);
}

async function withTimeout(body: TestBody, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(body), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function writeResults(results: TestResult[], done: boolean): void {
  const file = process.env.LOCK_DOCTOR_TEST_RESULTS;
  if (file) {
    writeFileSync(file, JSON.stringify({ done, results }, null, 2));
  }
}

export async function runRegisteredTests(): Promise<TestResult[]> {
  const grep = process.env.LOCK_DOCTOR_TEST_GREP;
  const selected = grep ? registered.filter((entry) => entry.name.includes(grep)) : registered;
  const results: TestResult[] = [];
  writeResults(results, false);
  for (const entry of selected) {
    const started = Date.now();
    try {
      await withTimeout(entry.body, entry.timeoutMs);
      results.push({ name: entry.name, ok: true, ms: Date.now() - started });
      console.log(`ok ${entry.name}`);
    } catch (error) {
      results.push({ name: entry.name, ok: false, ms: Date.now() - started, error: describeError(error) });
      console.log(`FAIL ${entry.name}\n${describeError(error)}`);
    }
    writeResults(results, false);
  }
  writeResults(results, true);
  const failed = results.filter((result) => !result.ok).length;
  if (results.length === 0) {
    throw new Error(grep ? `no test matches "${grep}"` : 'no test registered');
  }
  if (failed > 0) {
    throw new Error(`${failed} of ${results.length} tests failed`);
  }
  return results;
}
