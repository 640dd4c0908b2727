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
    // the command line's launcher and the bundle cache: plain CommonJS run by Node before anything is compiled
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // src/sim is the pure engine: it must run unchanged in a browser, a worker and Node.
    files: ['src/sim/**/*.ts', 'src/analytic/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'postMessage'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'comlink', 'pixi.js'] }],
    },
  },
  {
    // Results must be identical in every runtime: Math's transcendental functions are not (engines
    // round differently), so the engine uses src/sim/portable-math.ts.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'log',
          'exp',
          'pow',
          'log1p',
          'expm1',
          'log2',
          'log10',
          'sin',
          'cos',
          'tan',
          'atan2',
          'cbrt',
          'hypot',
        ].map((property) => ({
          object: 'Math',
          property,
          message: 'use src/sim/portable-math.ts (same bits in every runtime)',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**']", message: 'use multiplication or portable-math' },
      ],
    },
  },
);
