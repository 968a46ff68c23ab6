// ESLint 9 flat config: `npm run lint` (part of `npm test`). A small rule set that catches real
// mistakes (undefined names, unused code, == instead of ===); layout is prettier's (.prettierrc.json).
import js from '@eslint/js';
import globals from 'globals';

const rules = {
  ...js.configs.recommended.rules,
  'no-unused-vars': [
    'error',
    {
      args: 'after-used',
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrors: 'none',
      ignoreRestSiblings: true,
    },
  ],
  eqeqeq: ['error', 'smart'],
  'no-var': 'error',
  'no-implicit-globals': 'error',
  'no-shadow-restricted-names': 'error',
  'no-unused-private-class-members': 'error',
  'no-self-compare': 'error',
  'no-template-curly-in-string': 'error',
  'no-unmodified-loop-condition': 'error',
  // Deliberate: readers match control characters and NUL bytes in regular expressions.
  'no-control-regex': 'off',
  'no-empty': ['error', { allowEmptyCatch: true }],
};

export default [
  { ignores: ['dist/**', 'build*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules,
  },
  {
    files: ['src/cli/**', 'tests/**', 'bench/**/*.mjs', 'scripts/**', 'examples/**/*.mjs', '*.js', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  // The JS API runs on the page, in a worker and under Node: it tests which one it is in.
  { files: ['src/js/**'], languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } } },
  // The page, its element and what it loads in the browser.
  {
    files: ['web/**', 'examples/**/*.js', 'bench/browser.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  // Playwright specs and the browser bench: page.evaluate callbacks run in the page.
  {
    files: ['tests/e2e/**', 'bench/bench_browser.mjs', 'bench/snapshot.mjs'],
    languageOptions: { globals: globals.browser },
  },
  // Maps a browser worker's `self` onto worker_threads.
  { files: ['tests/js/node-worker-shim.mjs'], languageOptions: { globals: { self: 'writable' } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
];
