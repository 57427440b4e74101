// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'artifacts/',
      'web/citizen/dist/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (npm run lint checks it); ESLint keeps to correctness.
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Product code never reads the wall clock: time is an input (DESIGN.md). The wall clock lives in
    // src/system-clock.ts; the CLI may default "now" at the edge. Tests of real-time processes may read it.
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts', 'src/system-clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass a Clock or an instant in; do not read the wall clock in product code.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass a Clock or an instant in; do not read the wall clock in product code.',
        },
      ],
    },
  },
);
