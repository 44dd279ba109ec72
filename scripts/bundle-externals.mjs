// What a bundle in dist/ still loads from node_modules at run time, and what those packages
// need in turn. esbuild leaves a module external on purpose (serialport: its native binary is
// found relative to its own folder); the packaged app must then carry it, or the
// `import('serialport')` fails only on an installed kiosk. Used by validate-builder-config.mjs.
//
// The bundles are parsed (TypeScript's parser, as JavaScript), not grepped: bundled libraries
// mention `import('./x.js')` in JSDoc comments and strings, which load nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const BUILTIN = new Set(builtinModules);
/** Provided by Electron itself, not by node_modules. */
const ELECTRON_PROVIDED = new Set(['electron', 'original-fs']);

/** Bare module specifiers a JavaScript file loads: require(), import(), import/export … from. */
export function moduleSpecifiers(code, fileName = 'bundle.js') {
  const ts = require('typescript');
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found = new Set();
  const literal = (n) => n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : null;
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && (callee.text === 'require' || callee.text === '__require');
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const spec = isRequire || isImport ? literal(node.arguments[0]) : null;
      if (spec !== null) found.add(spec);
    } else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const spec = literal(node.moduleSpecifier);
      if (spec !== null) found.add(spec);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

/** The package a specifier names, or null for relative paths, builtins and Electron's own modules. */
export function packageOf(spec) {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || /^[a-z]+:/i.test(spec)) return null;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTIN.has(name) || BUILTIN.has(spec) || ELECTRON_PROVIDED.has(name)) return null;
  return name;
}

/** Where Node would find package `name` from the folder `fromDir` (relative to projectDir), or null. */
export function resolvePackageDir(projectDir, fromDir, name) {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(projectDir, candidate, 'package.json'))) return candidate.split(path.sep).join('/');
    if (dir === '.' || dir === '') return null;
    const up = path.dirname(dir);
    // Skip the node_modules folder itself when climbing out of a package.
    dir = path.basename(up) === 'node_modules' ? path.dirname(up) : up;
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The package's own entry file (main, or index.js), relative to projectDir. */
export function entryOf(projectDir, pkgDir) {
  const pkg = readJson(path.join(projectDir, pkgDir, 'package.json'));
  let main = typeof pkg.main === 'string' ? pkg.main : 'index.js';
  const abs = path.join(projectDir, pkgDir, main);
  if (!existsSync(abs)) {
    if (existsSync(`${abs}.js`)) main = `${main}.js`;
    else if (existsSync(path.join(abs, 'index.js'))) main = path.join(main, 'index.js');
  }
  return path.posix.normalize(`${pkgDir}/${main.split(path.sep).join('/')}`);
}

/** Runtime dependencies of a package: dependencies and optional ones that are installed. */
export function runtimeDependencies(projectDir, pkgDir) {
  const pkg = readJson(path.join(projectDir, pkgDir, 'package.json'));
  const optional = new Set(Object.keys(pkg.optionalDependencies || {}));
  return [...new Set([...Object.keys(pkg.dependencies || {}), ...optional])].map((name) => ({ name, optional: optional.has(name) }));
}

/**
 * Every package the app's production dependencies reach (package.json dependencies and theirs):
 * the only node_modules electron-builder copies, whatever the `files` patterns say.
 */
export function productionPackages(projectDir) {
  const seen = new Set();
  const walk = (fromDir, names) => {
    for (const { name } of names) {
      const dir = resolvePackageDir(projectDir, fromDir, name);
      if (!dir || seen.has(dir)) continue;
      seen.add(dir);
      walk(dir, runtimeDependencies(projectDir, dir));
    }
  };
  const root = readJson(path.join(projectDir, 'package.json'));
  walk('.', Object.keys({ ...(root.dependencies || {}), ...(root.optionalDependencies || {}) }).map((name) => ({ name })));
  return seen;
}

/** Files under a package folder, its own nested node_modules aside, relative to projectDir. */
export function packageFiles(projectDir, pkgDir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(path.join(projectDir, rel))) {
      if (name === 'node_modules') continue;
      const child = `${rel}/${name}`;
      if (statSync(path.join(projectDir, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk(pkgDir);
  return out;
}
