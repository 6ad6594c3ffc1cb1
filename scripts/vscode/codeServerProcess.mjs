// Starts code-server on a free loopback port in its own process group and stops that whole group.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerEntry } from './environment.mjs';

/** The user settings of a fresh profile: no welcome page, no update or telemetry traffic. */
function userSettings({ trusted }) {
  return {
    // Trust is decided by the run, not by a prompt: trusted runs turn the feature off (everything is
    // trusted); an untrusted run keeps it on and never prompts, so the folder stays in Restricted Mode.
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.dialogStyle': 'custom',
  };
}

/** A fresh profile under runDir: user data (with settings), extensions, and code-server's own config. */
export function prepareProfile(runDir, { trusted }) {
  const profile = {
    userDataDir: join(runDir, 'user-data'),
    extensionsDir: join(runDir, 'extensions'),
    config: join(runDir, 'code-server.yaml'),
    log: join(runDir, 'code-server.log'),
  };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(
    join(profile.userDataDir, 'User', 'settings.json'),
    JSON.stringify(userSettings({ trusted }), null, 2),
  );
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  return profile;
}

function profileArgs(profile) {
  return [
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

/** `code-server --install-extension`; returns what the extensions folder then lists, throws with its output otherwise. */
export function installVsix(home, profile, vsix) {
  const result = spawnSync(
    process.execPath,
    [codeServerEntry(home), ...profileArgs(profile), '--install-extension', vsix, '--force'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CODE_SERVER_CONFIG: profile.config } },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (status ${result.status}):\n${output.trim()}`,
    );
  }
  // What the extensions folder now lists, "publisher.name@version".
  try {
    const listed = JSON.parse(readFileSync(join(profile.extensionsDir, 'extensions.json'), 'utf8'));
    return listed.map((entry) => `${entry.identifier.id}@${entry.version}`).join(', ');
  } catch {
    return undefined;
  }
}

const GROUP_GUARD = `
const { spawn } = require('node:child_process');
const endGroup = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} };
const server = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
server.on('exit', (code, signal) => { process.exitCode = code ?? 1; endGroup(); });
process.stdin.on('end', endGroup);
process.stdin.on('error', endGroup);
process.stdin.resume();
`;

/**
 * Starts code-server for one folder. Resolves once it listens, with { url, port, stop() }. Its output goes to
 * profile.log. `env` is added to its environment, which its extension host inherits.
 */
export async function startCodeServer(home, profile, { folder, trusted, env = {}, smokeTestDriver }) {
  const args = [
    codeServerEntry(home),
    ...profileArgs(profile),
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    // Without the smoke-test driver a built VS Code ignores extensionDevelopmentPath/extensionTestsPath
    // in the page's `payload`.
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const output = createWriteStream(profile.log);
  // code-server runs under a small guard that leads its own process group, so that stop() also ends the
  // extension host and every helper it forked; the guard also ends the group when this process dies
  // without calling stop() (killed with SIGKILL, say), because its stdin then closes.
  const child = spawn(process.execPath, ['-e', GROUP_GUARD, ...args], {
    env: { ...process.env, ...env, CODE_SERVER_CONFIG: profile.config },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', resolve)).then(() => {
    exited = true;
  });
  const stop = async () => {
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone
      }
      if (signal === 'SIGTERM') {
        await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
    }
    await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await new Promise((resolve) => output.end(resolve));
  };
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen within 60 s:\n${seen}`)),
      60_000,
    );
    const onData = (chunk) => {
      output.write(chunk);
      seen += chunk.toString();
      const match = seen.match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${seen}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { port, url: `http://127.0.0.1:${port}`, stop, exited: () => exited };
}
