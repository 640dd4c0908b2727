import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/sim is the pure engine: it must run unchanged in a browser, a worker and Node.
    files: ['src/sim/**/*.ts', 'src/analytic/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'postMessage'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'comlink', 'pixi.js'] }],
    },
  },
);
