// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Domain code must not read the wall clock: time is an input (DESIGN.md).
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a Clock or an instant in; do not read the wall clock in domain code.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass a Clock or an instant in; do not read the wall clock in domain code.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The command line is the edge of the system: it may read the clock to default "now".
    files: ['src/cli.ts', 'src/system-clock.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
