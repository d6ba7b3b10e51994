// Type-aware lint: the build strips types with SWC without checking them, so the type check
// (`npm run typecheck`) and these rules are what stop a mistake the compiler cannot see.
// Each rule here found, or guards against, a real defect; style is left to review.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// Where data from outside arrives typed as `any` or `unknown`: request bodies, events, config.
// An `any` here spreads silently into the domain, so the unsafe-any rules hold only at these edges
// (inside repositories `any` rows from the driver are typed where they are mapped).
const EDGES = [
  'apps/*/src/**/*.controller.ts',
  'apps/*/src/**/*.handler.ts',
  'apps/*/src/**/*.dto.ts',
  'libs/contracts/src/**/*.ts',
  'libs/config/src/**/*.ts',
];

export default tseslint.config(
  // The workspace's browser application has its own tsconfig (DOM, JSX): `npm run typecheck` checks it.
  { ignores: ['dist/**', 'node_modules/**', '.lotsen/**', 'coverage/**', 'apps/workspace/ui/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      // One program for the whole tree (one tsconfig covers it): faster than a service per file.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Promises: a rejection nobody awaits is an unhandled rejection, which ends the process.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      'no-async-promise-executor': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Unused code.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-unused-private-class-members': 'error',
      // A switch over a union without a default misses the members added later (event types).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Plain mistakes.
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      'no-fallthrough': 'error',
      'no-unreachable': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-dupe-else-if': 'error',
      'no-debugger': 'error',
    },
  },
  {
    files: EDGES,
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  {
    // Services depend on libraries, never on the scripts or benchmarks that drive them.
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/scripts/*', '**/bench/*'], message: 'apps/ must not import from scripts/ or bench/: move shared code into libs/.' }] }],
    },
  },
);
