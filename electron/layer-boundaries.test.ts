// The layer table (electron/layers.mjs), proven against the lint it builds: every banned pair of
// the table fails with a bad import (value and type, shallow and deep in the folder) and shows
// its reason, every allowed pair passes, and so do the exceptions and the exempt files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXEMPT, LAYERS } from './layers.mjs';
import { allPairs, layerLabel, target, type Pair } from './layer-pairs';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryErrors(filePath: string, specifier: string, kind: 'value' | 'type' = 'value'): Promise<string[]> {
  const code =
    kind === 'value'
      ? `import * as m from '${specifier}';\nexport const x = m;\n`
      : `import type * as m from '${specifier}';\nexport type X = typeof m;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

/** How `module` is imported from `file`: relative for our folders, as is for packages. */
function specifier(file: string, module: string): string {
  if (!module.includes('/') || module.startsWith('node:')) return module;
  const rel = path.posix.relative(path.posix.dirname(file), module);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A file at the top of the layer and one nested deeper, since the globs depend on depth. */
const probes = (folder: string) => [`${folder}/probe.ts`, `${folder}/deep/probe.ts`];

const pairs = allPairs();
const banned = pairs.filter((p) => p.ban);
const allowed = pairs.filter((p) => !p.ban);
const name = (p: Pair) => `${layerLabel(p.layer)} → ${p.target.label.replace(/`/g, '')}`;

describe('the table', () => {
  it('names only known layers and packages, and real modules', () => {
    for (const layer of LAYERS) {
      for (const ban of layer.bans) ban.targets.forEach(target);
      const modules = [layer.sample, ...layer.bans.flatMap((b) => b.except ?? [])];
      for (const m of modules) expect(existsSync(`${m}.ts`) || existsSync(`${m}/index.ts`), `${m} (in ${layer.id})`).toBe(true);
    }
  });

  it('judges every layer against every other layer and package', () => {
    // The counts move when a layer or a ban is added; they are here so that a change shows.
    expect({ banned: banned.length, allowed: allowed.length }).toEqual({ banned: 110, allowed: 46 });
  });
});

describe('every banned pair fails the lint, with its reason', () => {
  const cases = banned.flatMap((p) =>
    probes(p.layer.folder).flatMap((file) => {
      const typeVerdict = p.ban?.typesAllowed ? 'passes' : 'fails';
      return [
        [`${name(p)}: import (${file})`, p, file, 'value', 'fails'] as const,
        [`${name(p)}: import type (${file}) ${typeVerdict}`, p, file, 'type', typeVerdict] as const,
      ];
    }),
  );
  it.each(cases)('%s', async (_name, p, file, kind, verdict) => {
    const errors = await boundaryErrors(file, specifier(file, p.target.sample), kind);
    if (verdict === 'passes') expect(errors).toEqual([]);
    else expect(errors.some((e) => e.endsWith(` ${p.reason}`)), `${JSON.stringify(errors)} should give: ${p.reason}`).toBe(true);
  });
});

describe('every allowed pair passes the lint', () => {
  const cases = allowed.flatMap((p) => probes(p.layer.folder).map((file) => [`${name(p)} (${file})`, p, file] as const));
  it.each(cases)('%s', async (_name, p, file) => {
    const spec = specifier(file, p.target.sample);
    expect(await boundaryErrors(file, spec)).toEqual([]);
    expect(await boundaryErrors(file, spec, 'type')).toEqual([]);
  });
});

describe('the exceptions pass the lint', () => {
  const cases = LAYERS.flatMap((layer) =>
    layer.bans.flatMap((b) => (b.except ?? []).flatMap((m) => probes(layer.folder).map((file) => [`${layerLabel(layer)} → ${m} (${file})`, file, m] as const))),
  );
  it.each(cases)('%s', async (_name, file, module) => {
    expect(await boundaryErrors(file, specifier(file, module))).toEqual([]);
  });
});

describe('tests, their helpers and the exempt files may import anything', () => {
  const exemptFiles = (folder: string) =>
    EXEMPT.map((glob) => glob.replace('**/__fixtures__/**', `${folder}/__fixtures__/probe.ts`).replace(/^\*\*\/\*/, `${folder}/probe`).replace(/^\*\*\//, `${folder}/`));
  const cases = LAYERS.flatMap((layer) =>
    [...exemptFiles(layer.folder), ...(layer.exempt?.files ?? [])].flatMap((file) =>
      banned.filter((p) => p.layer === layer).map((p) => [`${file} → ${p.target.label.replace(/`/g, '')}`, file, p] as const),
    ),
  );
  it('derives a real file name from each exempt glob', () => {
    expect(exemptFiles('electron/core')).toEqual(['electron/core/probe.test.ts', 'electron/core/probe.test.tsx', 'electron/core/test-helpers.ts', 'electron/core/__fixtures__/probe.ts']);
  });
  it.each(cases)('%s', async (_name, file, p) => {
    expect(await boundaryErrors(file, specifier(file, p.target.sample))).toEqual([]);
  });
});
