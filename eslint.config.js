import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Folders of src/ that a layer may not import from (see README, "Layers"). */
const above = (...dirs) => dirs.map((d) => `./src/${d}`);
/** Everything above src/sim and src/analytic. */
const ABOVE_ENGINE = [
  'scenario',
  'optimise',
  'plan',
  'format',
  'render',
  'worker',
  'ui',
  'cli',
  'node',
  'share',
];

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
  {
    // Layers, kept by lint rather than habit: the engine and the Erlang formulas import nothing above
    // them; the render layer draws from snapshots and never imports the UI; and no module imports
    // itself back through others (a cycle hides which part depends on which).
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // parse imported .ts files (a dependency that is not parsed has no edges, and hides its cycles)
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/sim',
              from: above('analytic', ...ABOVE_ENGINE),
              message: 'src/sim is the bottom layer: it imports nothing above it',
            },
            {
              target: './src/analytic',
              from: above(...ABOVE_ENGINE),
              message: 'src/analytic imports only src/sim',
            },
            {
              target: './src/render',
              from: above('ui', 'worker', 'cli', 'node'),
              message:
                'the render layer draws snapshots and does not import the UI (shared formatters are in src/format)',
            },
          ],
        },
      ],
    },
  },
);
