// Finds the Electron binary without require('electron'), which would try to download it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}
