import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { EXEMPT, LAYERS, PACKAGES } from './electron/layers.mjs';

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
  // ---------- layer boundaries (electron/layers.mjs; docs/architecture.md) ----------
  // Tests are exempt (they assemble layers on purpose); electron/layer-boundaries.test.ts proves
  // every banned pair of the table fails on a bad import and every allowed pair passes.
  ...layerRules(),
);

/** One no-restricted-imports block per layer of the table. */
function layerRules() {
  const byId = new Map([...LAYERS, ...PACKAGES].map((t) => [t.id, t]));
  const nestedIn = (layer) => LAYERS.filter((l) => l.folder.startsWith(`${layer.folder}/`));
  return LAYERS.filter((layer) => layer.bans.length > 0).map((layer) => ({
    files: layer.files,
    // A nested layer has its own block; its parent's rule would otherwise apply to it as well.
    ignores: [...EXEMPT, ...nestedIn(layer).flatMap((l) => l.files), ...(layer.exempt?.files ?? [])],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions(layer, byId)] },
  }));
}

/** A layer's bans in the rule's own terms: a package named by `path` is a path, the rest patterns. */
function restrictions(layer, byId) {
  const paths = [];
  const patterns = [];
  for (const b of layer.bans) {
    const options = b.typesAllowed ? { allowTypeImports: true } : {};
    if (b.regex) patterns.push({ regex: b.regex, message: b.message, ...options });
    else if (b.patterns) patterns.push({ group: b.patterns, message: b.message, ...options });
    else {
      for (const id of b.targets) {
        const target = byId.get(id);
        if (!target) throw new Error(`electron/layers.mjs: ${layer.id} bans ${id}, which is no layer or package there`);
        const message = b.message ?? target.whyNot;
        if (!message) throw new Error(`electron/layers.mjs: ${layer.id} bans ${id}, which has no reason to show`);
        if (target.path) paths.push({ name: target.path, message, ...options });
        else if (target.importedAs) patterns.push({ group: target.importedAs, message, ...options });
        else throw new Error(`electron/layers.mjs: ${layer.id} bans ${id} with no spelling of its own, and ${id} has no importedAs`);
      }
    }
  }
  return { paths, patterns };
}
