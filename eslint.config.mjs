import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Imports point one way: engine <- report <- (cli, extension, webview). Relative imports are matched by
// the folder they name (e.g. '../../report/escapeHtml').
const vscodeOnlyInExtension = { name: 'vscode', message: 'Only src/extension may import vscode.' };
/** The rule for a floor that must not import the folders above it. */
const noImportsFrom = (folders, message) => ({
  'no-restricted-imports': [
    'error',
    { paths: [vscodeOnlyInExtension], patterns: [{ regex: `(^|/)(${folders.join('|')})/`, message }] },
  ],
});
// The engine's folders that import nothing but each other: the webview may import their values.
const browserSafeEngine = ['options', 'text'];
const nodeModules = ['vscode', 'fs', 'path', 'child_process', 'os', 'crypto', 'worker_threads'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      'artifacts',
      'vsix',
      '.vscode-test',
      '**/*.mjs',
      'test/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' },
          ],
        },
      ],
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': ['error', { paths: [vscodeOnlyInExtension] }],
    },
  },
  // The extension host and the tests that run inside it are the only places that touch vscode.
  {
    files: [
      'src/extension/**',
      'test/vscode/**',
      'test/e2e/**',
      'bench/hostDelay.ts',
      'bench/hostActivation.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The engine is the ground floor: it runs from a terminal as well as from the extension.
  {
    files: ['src/engine/**'],
    rules: noImportsFrom(
      ['report', 'shared', 'cli', 'extension', 'media'],
      'The engine imports only the engine (engine <- report <- cli, extension, webview).',
    ),
  },
  // The vocabulary and the duration format are imported by the webview, which runs in a browser: they
  // import only each other, so no Node module (or engine code that needs one) can reach the webview.
  {
    files: browserSafeEngine.map((folder) => `src/engine/${folder}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\./|\\.\\./(${browserSafeEngine.join('|')})/)`,
              message: `src/engine/{${browserSafeEngine.join(',')}} runs in the webview too: it imports only its own files, no Node module.`,
            },
          ],
        },
      ],
    },
  },
  // The report draws what the engine produced; the surfaces above it import the report, not the reverse.
  {
    files: ['src/report/**'],
    rules: noImportsFrom(
      ['shared', 'cli', 'extension', 'media'],
      'The report imports only the engine and itself (engine <- report <- cli, extension, webview).',
    ),
  },
  // The webview runs in a browser: no Node module, no vscode; from the engine, values only from its
  // browser-safe folders and types from the rest; what it exchanges with the host lives in src/shared.
  {
    files: ['media/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({
            name,
            message: 'The webview runs in a browser: no Node modules and no vscode.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The webview runs in a browser: no Node modules.' },
            {
              regex: `src/engine/(?!(${browserSafeEngine.join('|')})/)`,
              allowTypeImports: true,
              message: `The webview may import values only from src/engine/{${browserSafeEngine.join(',')}}; from the rest of the engine only types (its values need Node).`,
            },
            {
              group: ['**/src/extension/**', '**/src/cli/**'],
              message: 'The webview cannot import extension-host or CLI code.',
            },
          ],
        },
      ],
    },
  },
);
