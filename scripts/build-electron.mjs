// Bundles the Electron main process and the preload. The preload must be ONE CommonJS file:
// a sandboxed preload cannot require our modules. `electron` stays external in both.
// A production build bundles electron/main/main.ts, which cannot reach the simulator or the
// virtual printer; INFOMAT_DEMO_BUILD=1 bundles electron/demo/main-entry.ts instead (the same
// shell with the demo backends), for demos and `npm start` where Electron exists.
import { build } from 'esbuild';

const demo = process.env.INFOMAT_DEMO_BUILD === '1';
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // serialport loads its prebuilt N-API binary relative to its own folder: never bundled, but
  // packaged from node_modules (RUNTIME_MODULES in build/electron-builder.config.cjs; an external
  // added here without it fails `npm run validate:builder`).
  external: ['electron', 'serialport'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [demo ? 'electron/demo/main-entry.ts' : 'electron/main/main.ts'],
  outfile: 'dist/electron/main.js',
  target: 'node22',
});
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.js', target: 'chrome130' });
console.log(`electron: dist/electron/main.js (${demo ? 'DEMO build: simulator and virtual printer inside' : 'production'}), dist/electron/preload.js`);
