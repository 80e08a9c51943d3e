// ESLint (flat config) with typescript-eslint. `npm run lint` runs it and prettier's check; `npm test` runs
// `npm run lint`. Long files and functions in the product's sources are warnings, so the next 400-line
// function is seen early.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/', '.cache/', 'test/e2e/artifacts/', '**/*.vsix']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true}],
      '@typescript-eslint/no-unused-expressions': ['error', {allowShortCircuit: true, allowTernary: true}],
      // Counters and accumulators are often set before a loop that always overwrites them.
      'no-useless-assignment': 'off'
    }
  },
  {
    // CommonJS entry points and preload hooks.
    files: ['**/*.cjs', 'bin/*.js'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'}
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // A test's failure message wraps the original error's message on purpose.
      'preserve-caught-error': 'off'
    }
  },
  {
    files: ['bench/**', 'eval/**'],
    rules: {'@typescript-eslint/no-unused-vars': 'warn'}
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'max-lines': ['warn', {max: 600}],
      'max-lines-per-function': ['warn', {max: 150}]
    }
  }
);
