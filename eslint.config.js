import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      // Money and quantities never go through binary floats (docs/ARCHITECTURE.md "Numbers").
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Use Decimal (common/src/decimal.ts) for quantities and money.' }],
    },
  },
  {
    // One API contract (docs/ARCHITECTURE.md "API contract"): the web calls the server only from a feature's api.ts.
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/**/api.ts', 'web/src/lib/api.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/lib/api'], importNames: ['api'], message: "Call the server from your feature's api.ts (typed by web/src/api)." }] }],
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Use Decimal (common/src/decimal.ts) for quantities and money.' }, { name: 'fetch', message: "Call the server from your feature's api.ts (typed by web/src/api)." }],
    },
  },
  {
    files: ['web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
