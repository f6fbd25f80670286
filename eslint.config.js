// @ts-check
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Workflow code runs inside Temporal's deterministic sandbox and is replayed from history:
// it may not do I/O, read clocks or randomness, or leave promises unawaited.
const workflowFiles = ['workflows/src/workflows.ts', 'workflows/src/workflows/**/*.ts', 'workflows/src/alerts/workflows.ts'];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.wirewatch/**', 'data/**', 'schemas/json/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // One program for the whole repository (tsconfig.json at the root) rather than one per package:
      // the packages import each other's sources, so per-package programs re-check the same files many times.
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @wirewatch/config only.' },
      ],
    },
  },
  {
    // The config module is the one place that reads the environment.
    files: ['libs/config/src/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: workflowFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code may not use Node built-ins.' })),
          patterns: [
            {
              group: ['kafkajs', '@clickhouse/*', 'chdb', 'fastify', 'pino', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflow code does no I/O: call an activity instead.',
            },
            {
              group: ['**/activities', '**/activities.js', '**/activities.ts'],
              allowTypeImports: true,
              message: 'Import activities as types and call them through proxyActivities.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No clocks in workflow code: use workflow time from an activity result or sleep().' },
        { name: 'performance', message: 'No clocks in workflow code.' },
        { name: 'process', message: 'Workflow code may not read the process.' },
        { name: 'setInterval', message: 'Use workflow.sleep() and durable timers.' },
        { name: 'fetch', message: 'Workflow code does no I/O: call an activity instead.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use workflow.uuid4() for randomness in workflow code.' },
      ],
    },
  },
);
