// npm run package: one VSIX per platform better-sqlite3 ships a prebuilt binary for, each carrying only
// its own binary. Without arguments, the platform of this machine; `-- --all` for every one, or
// `-- --target darwin-arm64` for one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// VS Code target -> better-sqlite3 prebuild name (also read by bench/footprint.ts).
const targets = JSON.parse(readFileSync(new URL('./vsixTargets.json', import.meta.url), 'utf8'));

function currentTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport().header.glibcVersionRuntime;
  const platform = musl ? 'alpine' : process.platform;
  return `${platform}-${process.arch}`;
}

function chosenTargets(argv) {
  if (argv.includes('--all')) {
    return Object.keys(targets);
  }
  const index = argv.indexOf('--target');
  const target = index >= 0 ? argv[index + 1] : currentTarget();
  if (!(target in targets)) {
    console.error(
      `package: no better-sqlite3 prebuild for VS Code target "${target}"; one of ${Object.keys(targets).join(', ')}`,
    );
    process.exit(2);
  }
  return [target];
}

if (
  !existsSync('dist/extension.js') ||
  !existsSync('dist/engine-process.js') ||
  !existsSync('dist/lock-watcher.js') ||
  !existsSync('dist/recorder.js') ||
  !existsSync('dist/hints-worker.js') ||
  !existsSync('dist/webview/panel.js')
) {
  console.error('package: build first (npm run package does: node esbuild.mjs --production)');
  process.exit(2);
}
const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
const baseIgnore = readFileSync('.vscodeignore', 'utf8');
mkdirSync('vsix', { recursive: true });
for (const target of chosenTargets(process.argv.slice(2))) {
  const prebuild = `node_modules/better-sqlite3/prebuilds/${targets[target]}.node`;
  if (!existsSync(prebuild)) {
    console.error(`package: ${prebuild} is missing`);
    process.exit(1);
  }
  const ignoreFile = join('vsix', `.vscodeignore-${target}`);
  writeFileSync(ignoreFile, `${baseIgnore}!${prebuild}\n`);
  const out = join('vsix', `${name}-${target}-${version}.vsix`);
  try {
    execFileSync(
      process.execPath,
      [
        'node_modules/@vscode/vsce/vsce',
        'package',
        '--target',
        target,
        '--ignoreFile',
        ignoreFile,
        '--allow-missing-repository',
        // The README's links point into the repository (docs/); there is no public one to rewrite them to.
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      { stdio: 'inherit' },
    );
  } catch {
    console.error(`package: vsce could not package ${target} (its message is above)`);
    process.exitCode = 1;
    break;
  } finally {
    rmSync(ignoreFile, { force: true });
  }
}
