// Run by bench/footprint.ts in a fresh Node process: loads the extension bundle (argv[2]) with a stub
// `vscode` module and calls activate, printing {requireMs, activateMs} as JSON. The stub answers every
// property, call and construction with itself, so this times the extension's own work (module
// evaluation, registrations), not VS Code's; the real host adds its own cost on top.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

function stub() {
  const target = function () {};
  const proxy = new Proxy(target, {
    get(_, key) {
      if (key === 'then') {
        return undefined; // not a promise
      }
      if (key === Symbol.toPrimitive) {
        return () => 0;
      }
      if (key === Symbol.iterator) {
        return function* () {};
      }
      return proxy;
    },
    set: () => true,
    defineProperty: () => true,
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

// esbuild copies a module's own names into its namespace object, so the module itself is a plain
// object with every name VS Code's API declares (@types/vscode).
const vscode = stub();
const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = new Set(
  [...declarations.matchAll(/^\s*export (?:class|namespace|enum|const|let|function) (\w+)/gm)].map(
    (m) => m[1],
  ),
);
const vscodeModule = Object.fromEntries([...names].map((name) => [name, vscode]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeModule : load.call(this, request, ...rest);
};

const context = new Proxy(
  { subscriptions: [], extensionPath: process.argv[3], extensionMode: 1 },
  { get: (target, key) => (key in target ? target[key] : vscode) },
);

let started = performance.now();
const extension = require(process.argv[2]);
const requireMs = performance.now() - started;
started = performance.now();
extension.activate(context);
const activateMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ requireMs, activateMs, registrations: context.subscriptions.length })}\n`,
);
// Whatever activate started (timers, watchers) would keep a real host busy, not this measurement.
process.exit(0);
