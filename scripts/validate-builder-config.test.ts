import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// electron-builder loads its config through jiti, whose disk cache is a fixed, shared folder in
// the OS temp folder (<tmp>/jiti): off for these tests, which leave nothing behind.
vi.hoisted(() => {
  process.env.JITI_FS_CACHE = 'false';
});
// @ts-expect-error -- plain .mjs script without type declarations
import { bundleModuleProblems, demoTraceProblems, releaseProblems, RELEASE_KEYS, validateBuilderConfig } from './validate-builder-config.mjs';
// @ts-expect-error -- plain .mjs script without type declarations
import { moduleSpecifiers } from './bundle-externals.mjs';

type Result = { ok: boolean; problems: string[]; checkedRealFiles: number };
const validate = validateBuilderConfig as (o?: { configPath?: string; env?: Record<string, string | undefined> }) => Promise<Result>;
const root = path.resolve(__dirname, '..');
const requireConfig = createRequire(import.meta.url);
type Problems = (config: unknown, projectDir: string, env?: Record<string, string | undefined>) => string[];
const modules = bundleModuleProblems as Problems;
const release = releaseProblems as Problems;
/** A config evaluated now, with this process's env (fixtures build on the real config: both fresh). */
const freshConfig = (file: string): unknown => {
  for (const f of [file, path.join(root, 'build', 'electron-builder.config.cjs')]) delete requireConfig.cache[requireConfig.resolve(f)];
  return requireConfig(file);
};
const fixture = (name: string): unknown => freshConfig(path.join(root, 'build', 'fixtures', name));
const realConfig = (): unknown => freshConfig(path.join(root, 'build', 'electron-builder.config.cjs'));

/** A throwaway project: package.json, node_modules as npm lays them out, and dist/ bundles. */
function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-builder-modules-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const pkg = (name: string, dependencies: Record<string, string> = {}, main = 'index.js') => ({ name, version: '1.0.0', main, dependencies });

/** serialport's real shape: a scoped binding with prebuilt binaries, nested and hoisted dependencies. */
const SERIALPORT_TREE = {
  'node_modules/serialport/package.json': pkg('serialport', { '@serialport/bindings-cpp': '13', debug: '4' }, './dist/index.js'),
  'node_modules/serialport/dist/index.js': 'module.exports = require("@serialport/bindings-cpp");',
  'node_modules/@serialport/bindings-cpp/package.json': pkg('@serialport/bindings-cpp', { 'node-gyp-build': '4', debug: '4' }, './dist/index.js'),
  'node_modules/@serialport/bindings-cpp/dist/index.js': 'require("node-gyp-build")(__dirname + "/..")',
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node': 'ELF',
  'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node': 'MZ',
  'node_modules/@serialport/bindings-cpp/node_modules/debug/package.json': pkg('debug', { ms: '2' }, './src/index.js'),
  'node_modules/@serialport/bindings-cpp/node_modules/debug/src/index.js': '',
  'node_modules/debug/package.json': pkg('debug', { ms: '2' }, './src/index.js'),
  'node_modules/debug/src/index.js': '',
  'node_modules/ms/package.json': pkg('ms'),
  'node_modules/ms/index.js': '',
  'node_modules/node-gyp-build/package.json': pkg('node-gyp-build'),
  'node_modules/node-gyp-build/index.js': '',
  'node_modules/react/package.json': pkg('react'),
  'node_modules/react/index.js': '',
  'node_modules/left-pad/package.json': pkg('left-pad'),
  'node_modules/left-pad/index.js': '',
};

/** What esbuild leaves in a bundle: builtins, electron, the external serialport, and words that load nothing. */
const MAIN_JS = [
  'const fs = require("node:fs"); const path = require("path"); const { app } = require("electron");',
  '/** @type {import(\'./Expression.js\').default} */ /** @param {import(\'left-pad\').Pad} p */',
  'const help = "call require(\'left-pad\') yourself";',
  'async function open() { const { SerialPort } = await import("serialport"); return SerialPort; }',
].join('\n');

const PACKAGE_JSON = { name: 'infomat', version: '0.1.0', dependencies: { serialport: '13', react: '19' }, devDependencies: { 'left-pad': '1' } };

describe('validate-builder-config', () => {
  it('accepts the real config (schema, policy, files)', async () => {
    const r = await validate({ env: {} });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('accepts the e2e variant, whose only difference is the NodeCliInspect fuse', async () => {
    const r = await validate({ env: { INFOMAT_E2E_BUILD: '1' } });
    expect(r.problems).toEqual([]);
  });

  it('rejects the deliberately broken fixture, for the schema and for our policy', async () => {
    const r = await validate({ configPath: path.join(root, 'build/fixtures/broken-builder-config.cjs'), env: {} });
    expect(r.ok).toBe(false);
    const all = r.problems.join('\n');
    expect(all).toContain('electron-builder schema: configuration.nsis.perMachine should be a boolean');
    expect(all).toContain('asar must be true');
    expect(all).toContain('electronFuses.runAsNode must be false');
    expect(all).toContain('electron/main/main.ts would be packaged into app.asar');
    expect(all).toContain('electron/core/config/load.test.ts would be packaged into app.asar');
    expect(all).toContain('publish: only the generic provider is allowed (it uploads nothing; got "github")');
    expect(all).toContain(`publish: the generic provider's url must be https:// (got "http://updates.example/infomat")`);
    expect(all).toContain('asarUnpack may only unpack native binaries (*.node) (got "**/*")');
    expect(all).toContain('win.verifyUpdateCodeSignature must not be false');
  });

  it('rejects the other fixtures: serialport not packaged, or its native binaries left inside app.asar', async () => {
    const unpackaged = await validate({ configPath: path.join(root, 'build/fixtures/unpackaged-modules-builder-config.cjs'), env: {} });
    expect(unpackaged.problems).toContain('files: node_modules/serialport/package.json would NOT be packaged');
    const packedNative = await validate({ configPath: path.join(root, 'build/fixtures/packed-native-builder-config.cjs'), env: {} });
    expect(packedNative.problems).toContain('asarUnpack: node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node would stay inside app.asar');
    // Everything else about it is the real config.
    expect(packedNative.problems.filter((p) => !p.startsWith('asarUnpack:'))).toEqual([]);
  });

  it('reads what a bundle loads with a parser: calls of require and import, not JSDoc or strings', () => {
    expect((moduleSpecifiers as (c: string) => string[])(MAIN_JS).sort()).toEqual(['electron', 'node:fs', 'path', 'serialport']);
    expect((moduleSpecifiers as (c: string) => string[])('import x from "zod"; export * from "./y.js"; __require("ws")').sort()).toEqual(['./y.js', 'ws', 'zod']);
  });

  describe('what the bundle loads from node_modules, against a project like this one', () => {
    let dir = '';
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = '';
    });

    it('the real config packages serialport, its dependencies and unpacked binaries: no problem', () => {
      dir = project({ 'package.json': PACKAGE_JSON, 'dist/electron/main.js': MAIN_JS, ...SERIALPORT_TREE });
      expect(modules(realConfig(), dir)).toEqual([]);
    });

    it('node_modules left out entirely (the fixture): the bundle\'s import("serialport") would fail on a kiosk', () => {
      dir = project({ 'package.json': PACKAGE_JSON, 'dist/electron/main.js': MAIN_JS, ...SERIALPORT_TREE });
      expect(modules(fixture('unpackaged-modules-builder-config.cjs'), dir)).toEqual([
        'bundle: dist/electron/main.js loads "serialport", but node_modules/serialport/package.json would not be packaged (files): it fails to load in an installed app',
      ]);
    });

    it('native binaries packaged but not unpacked (the fixture): refused', () => {
      dir = project({ 'package.json': PACKAGE_JSON, 'dist/electron/main.js': MAIN_JS, ...SERIALPORT_TREE });
      expect(modules(fixture('packed-native-builder-config.cjs'), dir)).toEqual([
        'asarUnpack: 2 native binaries of "@serialport/bindings-cpp" (node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node …) would stay inside app.asar, where a native module cannot be loaded',
      ]);
    });

    it('a dependency the file patterns leave out, one not installed, a dev-only module, a module not installed at all', () => {
      dir = project({
        'package.json': PACKAGE_JSON,
        'dist/electron/main.js': `${MAIN_JS}\nrequire("left-pad"); require("ghost");`,
        'dist/renderer/assets/index.js': 'import("./chunk.js")',
        ...SERIALPORT_TREE,
        'node_modules/serialport/package.json': pkg('serialport', { '@serialport/bindings-cpp': '13', debug: '4', 'extra-dep': '1', missing: '1' }, './dist/index.js'),
        'node_modules/extra-dep/package.json': pkg('extra-dep'),
        'node_modules/extra-dep/index.js': '',
      });
      expect(modules(realConfig(), dir)).toEqual([
        'bundle: "serialport" needs "extra-dep", but node_modules/extra-dep/package.json would not be packaged (files): it fails to load in an installed app',
        'bundle: "serialport" needs "missing", which is not installed',
        'bundle: dist/electron/main.js loads "left-pad" (node_modules/left-pad), which is not a production dependency (package.json "dependencies"): electron-builder would not package it',
        'bundle: dist/electron/main.js loads "ghost", which is not installed in node_modules',
      ]);
    });
  });

  describe('a release build (INFOMAT_UPDATES_URL set)', () => {
    const URL_ENV = { INFOMAT_UPDATES_URL: 'https://updates.example.ru/infomat' };

    it('without INFOMAT_WIN_PUBLISHER: refused, electron-updater could not check who signed an update', async () => {
      const r = await validate({ env: URL_ENV });
      expect(r.ok).toBe(false);
      expect(r.problems.join('\n')).toContain('release build: win.signtoolOptions.publisherName must name');
    });

    it('with it: the config carries the publisher and forces code signing, and passes the schema', async () => {
      const r = await validate({ env: { ...URL_ENV, INFOMAT_WIN_PUBLISHER: 'OOO Infomat' } });
      expect(r.problems.filter((p) => /publisherName|forceCodeSigning|schema/.test(p))).toEqual([]);
      const saved = { ...process.env };
      Object.assign(process.env, URL_ENV, { INFOMAT_WIN_PUBLISHER: 'OOO Infomat' });
      try {
        const win = (realConfig() as { win: Record<string, unknown> }).win;
        expect(win).toMatchObject({ forceCodeSigning: true, verifyUpdateCodeSignature: true, signtoolOptions: { publisherName: ['OOO Infomat'] } });
      } finally {
        for (const k of ['INFOMAT_UPDATES_URL', 'INFOMAT_WIN_PUBLISHER']) if (saved[k] === undefined) delete process.env[k];
        Object.assign(process.env, saved);
      }
    });

    it('needs a pinned release key, and a bundle built with it; a development build needs neither', () => {
      const spki = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      const config = { win: { forceCodeSigning: true, signtoolOptions: { publisherName: ['OOO Infomat'] } } };
      const dir = project({ [RELEASE_KEYS]: { keys: [] }, 'dist/electron/main.js': 'var keys = [];' });
      try {
        expect(release(config, dir, {})).toEqual([]);
        expect(release(config, dir, URL_ENV)).toEqual([expect.stringContaining('no release key is pinned')]);
        writeFileSync(path.join(dir, RELEASE_KEYS), JSON.stringify({ keys: [{ id: 'aaaaaaaaaaaaaaaa', publicKey: spki }] }));
        expect(release(config, dir, URL_ENV)).toEqual(['release build: dist/electron/main.js does not carry the pinned release key aaaaaaaaaaaaaaaa: build again after pinning']);
        writeFileSync(path.join(dir, 'dist/electron/main.js'), `var keys = [{ publicKey: "${spki}" }];`);
        expect(release(config, dir, URL_ENV)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('finds the simulator inside a bundled main.js by content, not by file name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infomat-builder-content-'));
    try {
      mkdirSync(path.join(dir, 'dist', 'electron'), { recursive: true });
      const main = path.join(dir, 'dist', 'electron', 'main.js');
      const config = { files: ['dist/**/*', 'package.json'], directories: { output: 'release' } };
      const traces = demoTraceProblems as (c: unknown, d: string, e: Record<string, string>) => string[];
      writeFileSync(main, 'function startSimulator(){}; const policy = "5000000000000001"; fetch("/__sim/reset")');
      const found = traces(config, dir, {});
      expect(found.join('\n')).toContain('dist/electron/main.js contains the simulator');
      expect(found.join('\n')).toContain("seed patient's policy number");
      expect(found.join('\n')).toContain("simulator's test hooks");
      // A demo build carries them on purpose.
      expect(traces(config, dir, { INFOMAT_DEMO_BUILD: '1' })).toEqual([]);
      writeFileSync(main, 'console.log("production")');
      expect(traces(config, dir, {})).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
