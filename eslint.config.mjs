import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'artifacts/**', 'test-results/**', 'playwright-report/**', '**/__fixtures__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,cjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    // CommonJS on purpose (loaded by both ESM scripts and the TypeScript specs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // boot/boot.js is a plain browser script too (copied into the build as is, hashed).
    files: ['renderer/**/*.{ts,tsx}', 'renderer/boot/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // ---------- layer boundaries (docs/architecture.md) ----------
  // Each folder may import only the layers below it. Tests are exempt (they assemble layers on
  // purpose); electron/layer-boundaries.test.ts proves each rule fails on a bad import.
  ...layerRules(),
);

/** Import patterns a layer may not use, with the reason a developer sees. */
function layerRules() {
  const ban = (group, message, extra = {}) => ({ group, message, ...extra });
  const electron = { name: 'electron', message: 'only electron/main and electron/preload may import electron' };
  const sim = ban(['**/simulator', '**/simulator/**'], 'the simulator is demo/test only: production code never imports it');
  const virtual = ban(['**/printing/virtual', '**/printing/virtual/**', '**/virtual/*'], 'the virtual printer is demo/test only');
  const demo = ban(['**/demo/*', '**/electron/demo/**'], 'demo backends are wired only by the demo entry points');
  const renderer = ban(['**/renderer/**'], 'the renderer is a browser bundle: nothing imports it');
  const compose = ban(['**/compose/*', '**/electron/compose/**'], 'only entry points (host, main, demo) use the composition root');
  const host = ban(['**/host/*', '**/electron/host/**'], 'the browser host is an entry point');
  const main = ban(['**/main/*', '**/electron/main/**'], 'the Electron shell is an entry point');
  const printing = ban(['**/printing', '**/printing/*', '**/electron/printing/**'], 'core and printing are siblings: the composition root joins them');
  const core = ban(['**/core/*', '**/core/**', '**/electron/core/**'], 'this layer may not reach into the core');
  const preload = ban(['**/preload/*'], 'the preload is bundled on its own');
  const rule = (paths, patterns) => ({
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
  });
  const notTests = ['**/*.test.ts', '**/*.test.tsx', '**/test-helpers.ts', '**/__fixtures__/**'];
  return [
    {
      files: ['electron/common/**/*.ts'],
      ignores: notTests,
      rules: rule([electron], [core, printing, compose, host, main, demo, preload, sim, renderer, ban(['node:*'], 'common code also runs in the renderer: no Node APIs')]),
    },
    { files: ['electron/core/**/*.ts'], ignores: notTests, rules: rule([electron], [printing, compose, host, main, demo, preload, sim, renderer]) },
    {
      files: ['electron/printing/**/*.ts'],
      ignores: [...notTests, 'electron/printing/virtual/**', 'electron/printing/sample-slips.ts'],
      rules: rule([electron], [virtual, compose, host, main, demo, preload, sim, renderer]),
    },
    { files: ['electron/printing/virtual/**/*.ts'], ignores: notTests, rules: rule([electron], [compose, host, main, demo, preload, sim, renderer]) },
    { files: ['electron/compose/**/*.ts'], ignores: notTests, rules: rule([electron], [virtual, host, main, demo, preload, sim, renderer]) },
    { files: ['electron/host/**/*.ts'], ignores: notTests, rules: rule([electron], [virtual, main, demo, preload, sim, renderer]) },
    { files: ['electron/main/**/*.ts'], ignores: notTests, rules: rule([], [virtual, host, demo, preload, sim, renderer]) },
    {
      files: ['electron/preload/**/*.ts'],
      ignores: notTests,
      rules: rule(
        [],
        [
          core, printing, compose, host, main, demo, sim, renderer,
          // Only the method list at run time: the sandboxed preload bundle stays tiny.
          ban(['**/common/*', '!**/common/channels'], 'the preload imports only common/channels at run time', { allowTypeImports: true }),
        ],
      ),
    },
    {
      files: ['renderer/**/*.{ts,tsx}'],
      ignores: notTests,
      rules: rule([electron], [
        ban(['**/electron/core/**', '**/electron/printing/**', '**/electron/compose/**', '**/electron/host/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/demo/**'], 'the renderer sees only the shared contract and common code'),
        sim,
        ban(['node:*'], 'the renderer has no Node'),
      ]),
    },
    { files: ['simulator/**/*.ts'], ignores: notTests, rules: rule([electron], [ban(['**/electron/**'], 'the simulator stands alone, like the real MIS')]) },
    {
      // The N3 simulator shares only the generic XML tree and the namespace constants; every
      // operation's shape is written on its own in simulator/n3/ops.ts.
      files: ['simulator/n3/**/*.ts'],
      ignores: notTests,
      rules: rule([electron], [
        { regex: '(^|/)electron/(?!core/mis/n3/(xml-tree|soap)$)', message: 'the simulator stands alone, like the real MIS' },
      ]),
    },
  ];
}
