#!/usr/bin/env node
// Validates the electron-builder configuration OFFLINE:
//  1. electron-builder's own validator (app-builder-lib `validateConfiguration`, i.e. ajv
//     against its scheme.json) — the same check `electron-builder` runs before packaging;
//  2. our packaging policy (appId, asar, fuses, NSIS per-machine, Linux targets, icons);
//  3. what would go into app.asar: electron-builder's own file matchers (`getMainFileMatchers`,
//     `getNodeModuleFileMatcher`) run over a synthetic project tree plus the real dist/ when
//     present; sources, tests, source maps, dev files and the node_modules the bundles do not
//     load must stay out;
//  4. what the bundles in dist/ still load from node_modules (scripts/bundle-externals.mjs):
//     each such package and its dependencies must be a production dependency that the file
//     patterns let through, with its native binaries unpacked from app.asar;
//  5. a release build (INFOMAT_UPDATES_URL set): Windows code signing with a publisher name for
//     electron-updater's check, and at least one pinned release key, carried by the bundle.
// Usage: node scripts/validate-builder-config.mjs [--config build/electron-builder.config.cjs] [--json]
// Exit code 0 = valid, 1 = problems (listed), 2 = the script itself failed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entryOf, moduleSpecifiers, packageFiles, packageOf, productionPackages, resolvePackageDir, runtimeDependencies } from './bundle-externals.mjs';

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CONFIG = path.join(projectRoot, 'build', 'electron-builder.config.cjs');

/** Files that must be packaged. */
export const MUST_INCLUDE = [
  'package.json',
  'dist/electron/main.js',
  'dist/electron/preload.js',
  'dist/renderer/index.html',
  'dist/renderer/assets/boot-3f9a1c2b.js',
  'dist/renderer/assets/index-3f9a1c.js',
  'dist/renderer/assets/index-3f9a1c.css',
  'dist/renderer/assets/inter-cyrillic.woff2',
  // Loaded at run time, not bundled (scripts/build-electron.mjs leaves serialport external).
  'node_modules/serialport/package.json',
  'node_modules/serialport/dist/index.js',
  'node_modules/@serialport/bindings-cpp/dist/index.js',
  'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
  'node_modules/node-gyp-build/index.js',
  'node_modules/debug/src/index.js',
];

/** Native binaries that must be unpacked from app.asar (a native module cannot load from inside it). */
export const MUST_UNPACK = [
  'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
];

/** Files that must never be packaged (a synthetic project tree). */
export const MUST_EXCLUDE = [
  'dist/electron/main.js.map',
  'dist/electron/preload.js.map',
  'dist/renderer/assets/index-3f9a1c.js.map',
  'dist/electron/main.test.js',
  'dist/renderer/assets/app.spec.js',
  'dist/electron/__fixtures__/insecure-window.js',
  'dist/electron/types.d.ts',
  'dist/electron/leftover.ts',
  'electron/main/main.ts',
  'electron/core/config/load.test.ts',
  'electron/main/__fixtures__/insecure-window.ts',
  'renderer/src/App.tsx',
  'renderer/index.html',
  'simulator/server.ts',
  'e2e/electron/happy-path.electron.spec.ts',
  'scripts/security-scan.mjs',
  'build/electron-builder.config.cjs',
  'build/lockdown/linux/infomat-kiosk.service',
  'build/icons/icon.png',
  'docs/configuration.md',
  'artifacts/electronegativity.sarif',
  'release/linux-unpacked/infomat',
  'node_modules/zod/index.js',
  'node_modules/electron/dist/electron',
  'node_modules/@resvg/resvg-js/index.js',
  // Production dependencies that the bundles already contain.
  'node_modules/react/index.js',
  'node_modules/electron-updater/out/main.js',
  'tsconfig.json',
  'vitest.config.ts',
  'playwright.config.ts',
  'package-lock.json',
  '.env',
  '.git/config',
  'README.md',
];

const EXPECTED_FUSES = (env) => ({
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: env.INFOMAT_E2E_BUILD === '1',
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
});

/** The environment the builder config reads; loaded with `env`'s values, restored after. */
const CONFIG_ENV = ['INFOMAT_E2E_BUILD', 'INFOMAT_UPDATES_URL', 'INFOMAT_WIN_PUBLISHER'];

function loadConfig(configPath, env) {
  const resolved = require.resolve(path.resolve(configPath));
  delete require.cache[resolved];
  // Fixtures derive from the real config: it must be evaluated again with this env too.
  delete require.cache[require.resolve(DEFAULT_CONFIG)];
  const saved = Object.fromEntries(CONFIG_ENV.map((k) => [k, process.env[k]]));
  const set = (k, v) => {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  for (const k of CONFIG_ENV) set(k, env[k]);
  try {
    const mod = require(resolved);
    return mod && mod.default ? mod.default : mod;
  } finally {
    for (const k of CONFIG_ENV) set(k, saved[k]);
  }
}

async function schemaProblems(config) {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  try {
    // validateConfiguration may coerce types in place (ajv coerceTypes): validate a copy.
    await validateConfiguration(structuredClone(config), { isEnabled: false, add() {} });
    return [];
  } catch (err) {
    const text = String(err && err.message ? err.message : err);
    const items = text
      .replace(/\n\s*How to fix:[\s\S]*?(?=\n - |$)/g, '')
      .split('\n - ')
      .slice(1)
      .map((s) => s.replace(/\s+/g, ' ').trim());
    return items.length ? items.map((s) => `electron-builder schema: ${s}`) : [`electron-builder schema: ${text}`];
  }
}

function policyProblems(config, projectDir, env) {
  const p = [];
  const expect = (cond, msg) => {
    if (!cond) p.push(msg);
  };
  expect(config.appId === 'ru.infomat.kiosk', `appId must be ru.infomat.kiosk (got ${JSON.stringify(config.appId)})`);
  expect(config.productName === 'Infomat', `productName must be Infomat (got ${JSON.stringify(config.productName)})`);
  expect(config.asar === true, 'asar must be true');
  // Files outside app.asar are outside its integrity check: only native binaries, which cannot
  // be loaded from inside the archive.
  const unpack = config.asarUnpack === undefined ? [] : Array.isArray(config.asarUnpack) ? config.asarUnpack : [config.asarUnpack];
  for (const u of unpack) {
    expect(typeof u === 'string' && u.endsWith('.node'), `asarUnpack may only unpack native binaries (*.node) (got ${JSON.stringify(u)})`);
  }
  const main = config.extraMetadata && config.extraMetadata.main;
  expect(typeof main === 'string' && main.startsWith('dist/') && main.endsWith('.js'), `extraMetadata.main must point at the bundled main in dist/ (got ${JSON.stringify(main)})`);
  const fuses = config.electronFuses || {};
  for (const [k, v] of Object.entries(EXPECTED_FUSES(env))) {
    expect(fuses[k] === v, `electronFuses.${k} must be ${v} (got ${JSON.stringify(fuses[k])})`);
  }
  const nsis = config.nsis || {};
  expect(nsis.perMachine === true, 'nsis.perMachine must be true');
  expect(nsis.oneClick === false, 'nsis.oneClick must be false');
  expect(nsis.allowElevation === true, 'nsis.allowElevation must be true');
  expect(config.win?.verifyUpdateCodeSignature !== false, 'win.verifyUpdateCodeSignature must not be false (electron-updater would install an update without checking its signature)');
  const targets = (list) => (Array.isArray(list) ? list : list ? [list] : []).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : t));
  const win = targets(config.win && config.win.target);
  expect(win.some((t) => t.target === 'nsis' && (t.arch || []).includes('x64')), 'win.target must include nsis x64');
  const linux = targets(config.linux && config.linux.target);
  for (const name of ['AppImage', 'deb']) {
    expect(linux.some((t) => t.target === name && (t.arch || []).includes('x64')), `linux.target must include ${name} x64`);
  }
  const entry = config.linux && config.linux.desktop && config.linux.desktop.entry;
  expect(entry && typeof entry.Categories === 'string' && entry.Categories.length > 0, 'linux.desktop.entry.Categories must be set');
  expect(config.linux && config.linux.category, 'linux.category must be set');
  for (const icon of [config.win && config.win.icon, config.linux && config.linux.icon]) {
    expect(typeof icon === 'string' && existsSync(path.join(projectDir, icon)), `icon ${JSON.stringify(icon)} must exist (node scripts/make-icons.mjs)`);
  }
  // Only the generic provider: it writes the update feed files and uploads nothing, so CI can
  // never publish a release by accident; and kiosks must fetch their updates over https.
  const publish = config.publish === null || config.publish === undefined ? [] : Array.isArray(config.publish) ? config.publish : [config.publish];
  for (const pub of publish) {
    const generic = pub && typeof pub === 'object' && pub.provider === 'generic';
    expect(generic, `publish: only the generic provider is allowed (it uploads nothing; got ${JSON.stringify(pub && pub.provider)})`);
    expect(generic && typeof pub.url === 'string' && pub.url.startsWith('https://'), `publish: the generic provider's url must be https:// (got ${JSON.stringify(pub && pub.url)})`);
  }
  return p;
}

/** electron-builder's real matchers, with the packager bits they read faked. */
function makeMatchers(config, projectDir) {
  const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher');
  const macroExpander = (s) => s.replace(/\$\{arch\}/g, 'x64').replace(/\$\{os\}/g, 'linux').replace(/\$\{platform\}/g, 'linux');
  const outDir = path.join(projectDir, (config.directories && config.directories.output) || 'dist');
  const debugLogger = { isEnabled: false, add() {} };
  const packager = {
    info: {
      projectDir,
      buildResourcesDir: (config.directories && config.directories.buildResources) || 'build',
      isPrepackedAppAsar: false,
      config,
      debugLogger,
    },
  };
  const dest = path.join(projectDir, '__app__');
  const main = getMainFileMatchers(projectDir, dest, macroExpander, {}, packager, outDir, false);
  const nodeModules = getNodeModuleFileMatcher(projectDir, dest, macroExpander, {}, { config, debugLogger });
  return { main, nodeModules };
}

const fakeStat = (dir) => ({ isDirectory: () => dir, isFile: () => !dir, isSymbolicLink: () => false });

/**
 * Would `rel` end up in app.asar? A file needs every parent directory to pass the filter too;
 * electron-builder walks a package of node_modules from its own folder, so for those only the
 * directories inside the package are filtered.
 */
function isPackaged(rel, matchers, projectDir) {
  const parts = rel.split('/');
  const lastNodeModules = parts.lastIndexOf('node_modules');
  const isNodeModule = lastNodeModules >= 0;
  const candidates = isNodeModule ? [matchers.nodeModules] : matchers.main;
  const firstParent = isNodeModule ? lastNodeModules + (parts[lastNodeModules + 1]?.startsWith('@') ? 3 : 2) + 1 : 1;
  return candidates.some((m) => {
    if (path.resolve(m.from) !== path.resolve(projectDir)) return false;
    // As NodeModuleCopyHelper: a matcher without patterns filters nothing out.
    if (m.isEmpty()) return true;
    const filter = m.createFilter();
    for (let i = firstParent; i < parts.length; i++) {
      if (!filter(path.join(projectDir, ...parts.slice(0, i)), fakeStat(true))) return false;
    }
    return filter(path.join(projectDir, rel), fakeStat(false));
  });
}

function listFiles(dir, base) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    const rel = `${base}/${name}`;
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, rel));
    else out.push(rel);
  }
  return out;
}

const forbidden = (rel) =>
  /\.map$|\.tsx?$|\.d\.ts$|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)__fixtures__\/|(^|\/)node_modules\//.test(rel);

function filesProblems(config, projectDir) {
  const p = [];
  const matchers = makeMatchers(config, projectDir);
  for (const rel of MUST_INCLUDE) if (!isPackaged(rel, matchers, projectDir)) p.push(`files: ${rel} would NOT be packaged`);
  for (const rel of MUST_EXCLUDE) if (isPackaged(rel, matchers, projectDir)) p.push(`files: ${rel} would be packaged into app.asar`);
  const unpacked = makeUnpackFilter(config, projectDir);
  for (const rel of MUST_UNPACK) if (!unpacked(rel)) p.push(`asarUnpack: ${rel} would stay inside app.asar`);
  // The real build output, when there is one.
  const realDist = listFiles(path.join(projectDir, 'dist'), 'dist');
  for (const rel of realDist) if (forbidden(rel) && isPackaged(rel, matchers, projectDir)) p.push(`files: ${rel} (real dist/) would be packaged into app.asar`);
  return { problems: p, checkedRealFiles: realDist.length };
}

// What only the simulator, its seed data and the virtual printer contain. A production dist/
// (what app.asar holds) must contain none of them; file names alone would not show a simulator
// bundled into main.js.
const DEMO_TRACES = [
  ['a seed patient\'s policy number', '5000000000000001'],
  ['the simulator\'s test hooks', '/__sim/'],
  ['the simulator', 'startSimulator'],
  ['the virtual printer', 'startVirtualPrinter'],
  ['the demo backends', 'startDemoBackends'],
];

/** Demo code found inside the real dist/ files that would be packaged; none for a demo build. */
export function demoTraceProblems(config, projectDir, env) {
  if (env.INFOMAT_DEMO_BUILD === '1') return [];
  const matchers = makeMatchers(config, projectDir);
  const p = [];
  for (const rel of listFiles(path.join(projectDir, 'dist'), 'dist')) {
    if (!/\.(m?js|cjs|html|css|json)$/.test(rel) || !isPackaged(rel, matchers, projectDir)) continue;
    const text = readFileSync(path.join(projectDir, rel), 'utf8');
    for (const [what, marker] of DEMO_TRACES) {
      if (text.includes(marker)) p.push(`content: ${rel} contains ${what} (${marker}): a production build must not bundle demo code`);
    }
  }
  return p;
}

/** Where the build's pinned release keys are (electron/core/updates/pinned-keys.ts). */
export const RELEASE_KEYS = 'electron/core/updates/release-keys.json';

/**
 * A release build (INFOMAT_UPDATES_URL set) is what kiosks install: its updates must be
 * verifiable. Windows: a signed installer and the publisher name electron-updater checks a
 * downloaded update against. Every platform: a pinned key for our signature on the update
 * metadata, inside the bundle that was built (README: "Signing releases").
 */
export function releaseProblems(config, projectDir, env) {
  if (!env.INFOMAT_UPDATES_URL) return [];
  const p = [];
  const win = config.win || {};
  const names = [win.signtoolOptions?.publisherName, win.azureSignOptions?.publisherName].flat().filter((n) => n !== undefined && n !== null);
  if (names.length === 0 || !names.every((n) => typeof n === 'string' && n.trim().length > 0)) {
    p.push("release build: win.signtoolOptions.publisherName must name the code-signing certificate's publisher (set INFOMAT_WIN_PUBLISHER); without it electron-updater installs an update without checking who signed it");
  }
  if (win.forceCodeSigning !== true) p.push('release build: win.forceCodeSigning must be true (an unsigned installer must fail the build)');
  let keys = [];
  try {
    keys = JSON.parse(readFileSync(path.join(projectDir, RELEASE_KEYS), 'utf8')).keys || [];
  } catch (err) {
    p.push(`release build: cannot read ${RELEASE_KEYS}: ${err && err.message}`);
  }
  if (keys.length === 0) {
    p.push(`release build: no release key is pinned in ${RELEASE_KEYS} (npm run release:keygen -- --pin): every kiosk would refuse every update`);
  }
  const main = path.join(projectDir, 'dist', 'electron', 'main.js');
  if (existsSync(main) && keys.length > 0) {
    const text = readFileSync(main, 'utf8');
    for (const k of keys) {
      if (!text.includes(k.publicKey)) p.push(`release build: dist/electron/main.js does not carry the pinned release key ${k.id}: build again after pinning`);
    }
  }
  return p;
}

function makeUnpackFilter(config, projectDir) {
  const { getFileMatchers } = require('app-builder-lib/out/fileMatcher');
  const outDir = path.join(projectDir, (config.directories && config.directories.output) || 'dist');
  const matchers = getFileMatchers(config, 'asarUnpack', path.join(projectDir, '__app__'), {
    macroExpander: (s) => s,
    customBuildOptions: {},
    globalOutDir: outDir,
    defaultSrc: projectDir,
  });
  if (!matchers) return () => false;
  const filter = matchers[0].createFilter();
  return (rel) => filter(path.join(projectDir, rel), fakeStat(false));
}

/**
 * Every package a packaged dist/ bundle loads from node_modules, and every package those need,
 * must be in the packaged app (a production dependency the file patterns let through), with its
 * native binaries unpacked. Builtins (`node:*`, `fs` …) and `electron` are provided at run time.
 */
export function bundleModuleProblems(config, projectDir) {
  const matchers = makeMatchers(config, projectDir);
  const needed = new Map();
  for (const rel of listFiles(path.join(projectDir, 'dist'), 'dist')) {
    if (!/\.[cm]?js$/.test(rel) || !isPackaged(rel, matchers, projectDir)) continue;
    for (const spec of moduleSpecifiers(readFileSync(path.join(projectDir, rel), 'utf8'), rel)) {
      const name = packageOf(spec);
      if (name && !needed.has(name)) needed.set(name, rel);
    }
  }
  if (needed.size === 0) return [];
  const p = [];
  const production = productionPackages(projectDir);
  const unpacked = makeUnpackFilter(config, projectDir);
  const seen = new Set();
  const check = (pkgDir, name, who) => {
    if (seen.has(pkgDir)) return;
    seen.add(pkgDir);
    if (!production.has(pkgDir)) {
      p.push(`bundle: ${who} "${name}" (${pkgDir}), which is not a production dependency (package.json "dependencies"): electron-builder would not package it`);
      return;
    }
    for (const f of [`${pkgDir}/package.json`, entryOf(projectDir, pkgDir)]) {
      if (!isPackaged(f, matchers, projectDir)) {
        p.push(`bundle: ${who} "${name}", but ${f} would not be packaged (files): it fails to load in an installed app`);
        return;
      }
    }
    const natives = packageFiles(projectDir, pkgDir).filter((f) => f.endsWith('.node'));
    const packed = natives.filter((f) => isPackaged(f, matchers, projectDir));
    if (natives.length > 0 && packed.length === 0) p.push(`bundle: ${who} "${name}", whose native binaries (${natives[0]} …) would not be packaged`);
    const packedIn = packed.filter((f) => !unpacked(f));
    if (packedIn.length > 0) {
      p.push(`asarUnpack: ${packedIn.length} native binar${packedIn.length === 1 ? 'y' : 'ies'} of "${name}" (${packedIn[0]} …) would stay inside app.asar, where a native module cannot be loaded`);
    }
    for (const dep of runtimeDependencies(projectDir, pkgDir)) {
      const depDir = resolvePackageDir(projectDir, pkgDir, dep.name);
      if (depDir) check(depDir, dep.name, `"${name}" needs`);
      else if (!dep.optional) p.push(`bundle: "${name}" needs "${dep.name}", which is not installed`);
    }
  };
  for (const [name, rel] of needed) {
    const dir = resolvePackageDir(projectDir, '.', name);
    if (dir) check(dir, name, `${rel} loads`);
    else p.push(`bundle: ${rel} loads "${name}", which is not installed in node_modules`);
  }
  return p;
}

/**
 * @param {{ configPath?: string, projectDir?: string, env?: Record<string,string|undefined> }} [opts]
 * @returns {Promise<{ ok: boolean, problems: string[], checkedRealFiles: number }>}
 */
export async function validateBuilderConfig(opts = {}) {
  const projectDir = opts.projectDir ?? projectRoot;
  const env = opts.env ?? process.env;
  const configPath = opts.configPath ?? DEFAULT_CONFIG;
  let config;
  try {
    config = loadConfig(configPath, env);
  } catch (err) {
    return { ok: false, problems: [`cannot load ${configPath}: ${err && err.message}`], checkedRealFiles: 0 };
  }
  const problems = [...(await schemaProblems(config)), ...policyProblems(config, projectDir, env), ...releaseProblems(config, projectDir, env)];
  let checkedRealFiles = 0;
  try {
    const f = filesProblems(config, projectDir);
    problems.push(...f.problems);
    checkedRealFiles = f.checkedRealFiles;
    problems.push(...demoTraceProblems(config, projectDir, env));
    problems.push(...bundleModuleProblems(config, projectDir));
  } catch (err) {
    problems.push(`files: cannot evaluate the patterns: ${err && err.message}`);
  }
  return { ok: problems.length === 0, problems, checkedRealFiles };
}

async function cli() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--config');
  const configPath = i >= 0 ? args[i + 1] : DEFAULT_CONFIG;
  const r = await validateBuilderConfig({ configPath });
  if (args.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else if (r.ok) {
    console.log(`electron-builder config OK: ${path.relative(process.cwd(), configPath)} (schema, policy, ${MUST_INCLUDE.length + MUST_EXCLUDE.length} synthetic + ${r.checkedRealFiles} real files)`);
  } else {
    console.error(`electron-builder config has ${r.problems.length} problem(s): ${configPath}`);
    for (const p of r.problems) console.error(` - ${p}`);
  }
  process.exitCode = r.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  cli().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
}
