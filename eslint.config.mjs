import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'artifacts', 'vsix', '.vscode-test', '**/*.mjs'] },
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
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }] },
      ],
    },
  },
  // The extension host and the tests that run inside it are the only places that touch vscode.
  {
    files: ['src/extension/**', 'test/vscode/**', 'test/e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The webview runs in a browser: no Node module, no vscode, and from the engine only types (the
  // engine's values pull in Node); what it shares with the host lives in src/shared.
  {
    files: ['media/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'fs', 'path', 'child_process', 'os', 'crypto', 'worker_threads'].map((name) => ({
            name,
            message: 'The webview runs in a browser: no Node modules and no vscode.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The webview runs in a browser: no Node modules.' },
            {
              regex: 'src/engine/',
              allowTypeImports: true,
              message: 'The webview may import only types from the engine (its values need Node).',
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
