// Bundles the Electron main process and the preload. The preload must be ONE CommonJS file:
// a sandboxed preload cannot require our modules. `electron` stays external in both.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // serialport loads its prebuilt N-API binary relative to its own folder: never bundled.
  external: ['electron', 'serialport'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js', target: 'node22' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.js', target: 'chrome130' });
console.log('electron: dist/electron/main.js, dist/electron/preload.js');
