// Finds the Electron binary without require('electron'), which would try to download it.
// CommonJS so that both `scripts/start.mjs` and the Playwright specs (TypeScript) can load it.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** @param {string} [root] @returns {string | null} */
function electronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

module.exports = { electronBinary };
