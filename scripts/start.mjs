// `npm start`: the kiosk in demo mode against the embedded simulator and virtual printer.
// With an Electron binary: the real shell. Without one (no internet to download it here):
// one line saying so, then the browser host in Debian's Chromium in app/kiosk mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.cjs';

const dev = process.argv.includes('--dev');
// `--mis n3`: the demo on the N3 HubService simulator (api.kind n3); passed on to the entry point.
const misAt = process.argv.findIndex((a) => a === '--mis' || a.startsWith('--mis='));
const misArgs = misAt < 0 ? [] : process.argv[misAt] === '--mis' ? ['--mis', process.argv[misAt + 1] ?? ''] : [process.argv[misAt]];
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const bin = electronBinary();
// The Electron shell runs the demo build (simulator inside); a production dist/ never has it.
if (bin) run('npm', ['run', 'build:demo']);
else if (dev || !existsSync('dist/renderer/index.html')) run('npm', ['run', 'build:renderer']);

let child;
if (bin) {
  child = spawn(bin, ['.', '--demo', ...misArgs, ...(dev ? ['--dev'] : [])], { stdio: 'inherit' });
} else {
  console.log('No Electron binary here (it cannot be downloaded without internet): starting the browser host in /usr/bin/chromium instead.');
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/demo/host-entry.ts', '--demo', '--open', ...misArgs, ...(dev ? ['--no-kiosk'] : [])],
    { stdio: 'inherit' },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
