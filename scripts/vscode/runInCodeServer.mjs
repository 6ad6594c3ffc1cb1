#!/usr/bin/env node
// Runs tests in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, Node 24 extension host) driven by
// Debian's chromium through playwright-core. Every run gets a fresh profile, extensions folder and (unless
// --workspace) workspace folder, a global timeout, and always ends code-server's process group and the
// browser. Prints one line per test and closes with `N passed, N failed`; exits 1 on any failure.
//
//   integration: the extension under development runs with a test module in its extension host
//     node scripts/vscode/runInCodeServer.mjs integration [--extension DIR] [--tests out/vscode-test/index.js]
//   e2e: a packaged VSIX is installed, then a person's actions are played in the browser
//     node scripts/vscode/runInCodeServer.mjs e2e [--vsix FILE] [--tests test/e2e/index.ts]
//
// Common options: --workspace DIR (used as is; default: a fresh empty folder), --timeout SECONDS (default
// 300 integration, 600 e2e), --artifacts DIR (default artifacts/vscode-<mode>), --untrusted (the folder
// opens in Restricted Mode), --grep TEXT (only tests whose name contains it), --keep (keep the run folder),
// --verbose (echo the workbench's log lines).
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  PrerequisiteError,
  checkSystemPrerequisites,
  chromiumPath,
  codeServerEntry,
  codeServerHome,
  installMarker,
  repoRoot,
  requireNode24,
} from './environment.mjs';
import { installVsix, prepareProfile, startCodeServer } from './codeServerProcess.mjs';
import { createWorkbenchDriver, findExtensionHostLogs } from './workbenchDriver.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

class HarnessError extends Error {}

function say(line) {
  process.stdout.write(`${line}\n`);
}

function parseCommandLine(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      vsix: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
      artifacts: { type: 'string' },
      grep: { type: 'string' },
      untrusted: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const mode = positionals[0];
  if (mode !== 'integration' && mode !== 'e2e') {
    throw new HarnessError(
      'usage: runInCodeServer.mjs integration|e2e [options] (see the header of this file)',
    );
  }
  const timeoutSeconds = Number(values.timeout ?? (mode === 'e2e' ? 600 : 300));
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new HarnessError(`--timeout must be a number of seconds, got "${values.timeout}"`);
  }
  return {
    mode,
    extension: resolve(values.extension ?? repoRoot),
    tests: resolve(
      values.tests ??
        (mode === 'e2e' ? join(repoRoot, 'test/e2e/index.ts') : join(repoRoot, 'out/vscode-test/index.js')),
    ),
    vsix: values.vsix ? resolve(values.vsix) : undefined,
    workspace: values.workspace ? resolve(values.workspace) : undefined,
    timeoutMs: timeoutSeconds * 1000,
    artifacts: resolve(values.artifacts ?? join(repoRoot, 'artifacts', `vscode-${mode}`)),
    grep: values.grep,
    trusted: !values.untrusted,
    keep: values.keep,
    verbose: values.verbose,
  };
}

/** The newest sqlite-lock-doctor-*.vsix in vsix/ or the repo root. */
function findVsix() {
  const candidates = [];
  for (const dir of [join(repoRoot, 'vsix'), repoRoot]) {
    if (!existsSync(dir)) {
      continue;
    }
    for (const name of readdirSync(dir)) {
      if (/^sqlite-lock-doctor-.*\.vsix$/.test(name)) {
        const file = join(dir, name);
        candidates.push({ file, mtime: statSync(file).mtimeMs });
      }
    }
  }
  // `npm run package` names them sqlite-lock-doctor-<target>-<version>.vsix: this machine's target first.
  const target = `${process.platform}-${process.arch}`;
  candidates.sort(
    (a, b) =>
      Number(basename(b.file).includes(target)) - Number(basename(a.file).includes(target)) ||
      b.mtime - a.mtime,
  );
  if (candidates.length === 0) {
    throw new HarnessError(
      'no sqlite-lock-doctor-*.vsix in vsix/ or the repo root: run `npm run package` first, or pass --vsix FILE',
    );
  }
  return candidates[0].file;
}

/** An e2e module written in TypeScript is bundled first (into out/e2e, so that playwright-core resolves). */
async function loadE2eModule(tests) {
  let file = tests;
  if (/\.[cm]?ts$/.test(tests)) {
    const esbuild = await import('esbuild');
    file = join(repoRoot, 'out', 'e2e', `${basename(tests).replace(/\.[cm]?ts$/, '')}.mjs`);
    await esbuild.build({
      entryPoints: [tests],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      sourcemap: 'inline',
      external: ['playwright-core', 'better-sqlite3'],
      logLevel: 'warning',
    });
  }
  const loaded = await import(`${pathToFileURL(file).href}?t=${Date.now()}`);
  if (!Array.isArray(loaded.tests)) {
    throw new HarnessError(
      `${tests} must export \`tests\`: an array of { name, run(workbench), timeoutMs? }`,
    );
  }
  return loaded;
}

function printResult(result) {
  say(`${result.ok ? '  ok  ' : '  FAIL'} ${result.name} (${result.ms} ms)`);
  if (!result.ok && result.error) {
    say(
      result.error
        .split('\n')
        .map((line) => `        ${line.trim()}`)
        .join('\n'),
    );
  }
}

function readResultsFile(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function run(options, state) {
  requireNode24();
  checkSystemPrerequisites({ forInstall: false });
  const home = codeServerHome();
  if (!existsSync(installMarker(home)) || !existsSync(codeServerEntry(home))) {
    throw new HarnessError(
      `code-server is not installed in ${home}: run \`node scripts/vscode/installCodeServer.mjs\` first`,
    );
  }
  if (options.mode === 'integration') {
    if (!existsSync(join(options.extension, 'package.json'))) {
      throw new HarnessError(`--extension ${options.extension} has no package.json`);
    }
    if (!existsSync(options.tests)) {
      throw new HarnessError(
        `the test module ${options.tests} does not exist: build it first (node esbuild.mjs)`,
      );
    }
  }

  state.runDir = mkdtempSync(join(tmpdir(), `lock-doctor-vscode-${options.mode}-`));
  const workspace = options.workspace ?? join(state.runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const profile = prepareProfile(state.runDir, { trusted: options.trusted });
  state.profile = profile;
  const resultsFile = join(state.runDir, 'results.json');
  state.resultsFile = resultsFile;

  let vsixId;
  let e2eModule;
  if (options.mode === 'e2e') {
    e2eModule = await loadE2eModule(options.tests);
    if (typeof e2eModule.prepareWorkspace === 'function') {
      await e2eModule.prepareWorkspace(workspace);
    }
    const vsix = options.vsix ?? findVsix();
    const started = Date.now();
    vsixId = installVsix(home, profile, vsix);
    say(
      `harness: installed ${basename(vsix)} (now installed: ${vsixId ?? 'extensions.json unreadable'}) in ${Date.now() - started} ms`,
    );
  }

  const server = await startCodeServer(home, profile, {
    folder: workspace,
    trusted: options.trusted,
    smokeTestDriver: options.mode === 'integration',
    env: {
      LOCK_DOCTOR_TEST_RESULTS: resultsFile,
      ...(options.grep ? { LOCK_DOCTOR_TEST_GREP: options.grep } : {}),
    },
  });
  state.server = server;
  say(`harness: code-server ${server.url}, workspace ${workspace}${options.trusted ? '' : ' (untrusted)'}`);

  const { chromium } = await import('playwright-core');
  // launchServer rather than launch: it hands out the browser's process, whose group finish() kills.
  state.browserServer = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    // This harness handles the signals: it must stop code-server too, not only the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  state.browserPid = state.browserServer.process().pid;
  state.browser = await chromium.connect(state.browserServer.wsEndpoint(), { timeout: 60_000 });
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  state.page = page;
  const consoleLines = [];
  state.consoleLines = consoleLines;
  const note = (line) => {
    consoleLines.push(line);
    if (options.verbose) {
      say(`  | ${line}`);
    }
  };
  // Workbench log lines come through codeAutomationLog too; the console keeps only the rest (page errors,
  // failed resources, webview scripts).
  page.on('console', (message) => {
    if (!message.text().startsWith('%c')) {
      note(`[console.${message.type()}] ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => note(`[pageerror] ${error.stack ?? error.message}`));
  let exitCode;
  const automationExit = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      resolveExit(code);
    });
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    note(
      `[${type}] ${(Array.isArray(args) ? args : [args]).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
    );
  });
  const crashed = new Promise((_resolve, reject) =>
    page.on('crash', () => reject(new HarnessError('the browser page crashed'))),
  );

  const folderQuery = `folder=${encodeURIComponent(workspace)}`;
  if (options.mode === 'integration') {
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extension)],
      ['extensionTestsPath', remote(options.tests)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.url}/?${folderQuery}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    // Print results as the runner writes them, so a long suite shows progress.
    let printed = 0;
    const poll = setInterval(() => {
      const results = readResultsFile(resultsFile)?.results ?? [];
      for (; printed < results.length; printed += 1) {
        printResult(results[printed]);
      }
    }, 500);
    state.stopPolling = () => clearInterval(poll);
    try {
      await Promise.race([automationExit, crashed]);
    } finally {
      state.stopPolling();
    }
    const file = readResultsFile(resultsFile);
    let results = file?.results;
    if (!file) {
      // A test module that does not use test/vscode/runner.ts counts as one test: its run().
      results = [
        {
          name: `run() of ${basename(options.tests)}`,
          ok: exitCode === 0,
          ms: 0,
          error:
            exitCode === 0 ? undefined : `run() rejected (exit code ${exitCode}); see the extension host log`,
        },
      ];
    }
    for (; printed < results.length; printed += 1) {
      printResult(results[printed]);
    }
    state.results = results;
    if (file && !file.done) {
      throw new HarnessError(
        `the test run ended before all tests had run (exit code ${exitCode}); see the extension host log`,
      );
    }
    if (exitCode !== 0 && results.every((result) => result.ok)) {
      throw new HarnessError(
        `the extension host reported exit code ${exitCode}: the test module could not run (see the extension host log)`,
      );
    }
    return;
  }

  // e2e
  const driver = createWorkbenchDriver({
    page,
    workspace,
    userDataDir: profile.userDataDir,
    screenshotDir: options.artifacts,
    log: (line) => say(`        ${line}`),
  });
  state.driver = driver;
  const tests = e2eModule.tests;
  await page.goto(`${server.url}/?${folderQuery}`);
  await driver.waitForWorkbench();
  const selected = options.grep ? tests.filter((entry) => entry.name.includes(options.grep)) : tests;
  state.results = [];
  for (const entry of selected) {
    const started = Date.now();
    let timer;
    try {
      await Promise.race([
        Promise.resolve().then(() => entry.run(driver)),
        crashed,
        new Promise((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`timed out after ${entry.timeoutMs ?? 60_000} ms`)),
            entry.timeoutMs ?? 60_000,
          );
        }),
      ]);
      state.results.push({ name: entry.name, ok: true, ms: Date.now() - started });
    } catch (error) {
      const message =
        error instanceof Error
          ? [
              error.message,
              ...(error.stack ?? '')
                .split('\n')
                .filter((line) => /^\s+at /.test(line))
                .slice(0, 3),
            ].join('\n')
          : String(error);
      state.results.push({ name: entry.name, ok: false, ms: Date.now() - started, error: message });
    } finally {
      clearTimeout(timer);
    }
    printResult(state.results.at(-1));
    await driver
      .screenshot(`${state.results.at(-1).ok ? 'after' : 'FAILED'}-${entry.name}`)
      .catch(() => undefined);
    // Close what the test left open (quick input, notifications) so the next one starts clean.
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  writeFileSync(resultsFile, JSON.stringify({ done: true, results: state.results }, null, 2));
  if (selected.length === 0) {
    throw new HarnessError(
      options.grep ? `no e2e test matches "${options.grep}"` : `${options.tests} exports no tests`,
    );
  }
}

/** Screenshots and logs into the artifacts folder (always for e2e, on failure for integration), then stop everything. */
async function finish(options, state, failed) {
  state.stopPolling?.();
  const keepArtifacts = failed || options.mode === 'e2e';
  mkdirSync(options.artifacts, { recursive: true });
  if (state.page && keepArtifacts) {
    await state.page
      .screenshot({ path: join(options.artifacts, failed ? 'failure.png' : 'final.png'), timeout: 10_000 })
      .catch((error) => say(`harness: no screenshot (${error.message.split('\n')[0]})`));
  }
  const within = (promise, ms) =>
    Promise.race([promise.catch(() => undefined), new Promise((done) => setTimeout(done, ms))]);
  if (state.browser) {
    await within(state.browser.close(), 10_000);
  }
  if (state.browserServer) {
    await within(state.browserServer.close(), 10_000);
  }
  if (state.browserPid) {
    // Whatever is left of chromium's process group (zygote, renderers) ends here.
    try {
      process.kill(-state.browserPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (state.server) {
    await state.server.stop();
  }
  if (state.resultsFile && existsSync(state.resultsFile)) {
    copyFileSync(state.resultsFile, join(options.artifacts, 'results.json'));
  }
  if (keepArtifacts && state.profile) {
    if (existsSync(state.profile.log)) {
      copyFileSync(state.profile.log, join(options.artifacts, 'code-server.log'));
    }
    if (state.consoleLines) {
      writeFileSync(join(options.artifacts, 'workbench-console.log'), `${state.consoleLines.join('\n')}\n`);
    }
    const logsDir = join(state.profile.userDataDir, 'logs');
    if (existsSync(logsDir)) {
      cpSync(logsDir, join(options.artifacts, 'logs'), { recursive: true });
    }
    const hostLogs = findExtensionHostLogs(state.profile.userDataDir);
    if (hostLogs[0]) {
      copyFileSync(hostLogs[0], join(options.artifacts, 'remoteexthost.log'));
    }
    say(`harness: artifacts in ${options.artifacts}`);
  }
  if (state.runDir && !options.keep) {
    rmSync(state.runDir, { recursive: true, force: true });
  } else if (state.runDir) {
    say(`harness: run folder kept: ${state.runDir}`);
  }
}

async function main() {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    say(`harness: ${error.message}`);
    return 2;
  }
  rmSync(options.artifacts, { recursive: true, force: true });
  mkdirSync(options.artifacts, { recursive: true });
  const state = {};
  let failure;
  let finishing = false;
  const onSignal = (signal) => {
    if (finishing) {
      return;
    }
    finishing = true;
    say(`harness: ${signal}: stopping code-server and the browser`);
    void finish(options, state, true).finally(() =>
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15)),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const started = Date.now();
  let timer;
  try {
    await Promise.race([
      run(options, state),
      new Promise((_resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new HarnessError(
                `global timeout: the ${options.mode} run took more than ${options.timeoutMs / 1000} s`,
              ),
            ),
          options.timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(timer);
  }
  // After a timeout or a crash, the tests that did finish still count.
  const results = state.results ?? readResultsFile(state.resultsFile ?? '')?.results ?? [];
  const failed = results.filter((result) => !result.ok).length;
  const anyFailure = Boolean(failure) || failed > 0;
  if (failure) {
    const known = failure instanceof HarnessError || failure instanceof PrerequisiteError;
    say(`harness: FAILED: ${known ? failure.message : (failure.stack ?? failure.message)}`);
  }
  if (!finishing) {
    finishing = true;
    await finish(options, state, anyFailure);
  }
  say(`harness: ${options.mode} run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // A run that failed before or outside any test still counts as one failure in the closing line.
  const failedCount = failed + (failure && failed === 0 ? 1 : 0);
  say(`${results.length - failed} passed, ${failedCount} failed`);
  return anyFailure ? 1 : 0;
}

process.exitCode = await main();
// Playwright or a stray handle must not keep a finished run alive.
setTimeout(() => process.exit(process.exitCode), 2_000).unref();
