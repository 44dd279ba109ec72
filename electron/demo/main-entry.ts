// Electron main entry of a demo build (`INFOMAT_DEMO_BUILD=1 npm run build`, used by
// `npm start` where Electron exists): the shell with the MIS simulator and virtual printer.
import { runShell } from '../main/shell';
import { startDemoBackends } from './demo-backends';
import { takeDemoMisFlag } from './demo-mis';

// `--mis n3`: the N3 HubService simulator (the shell's own flags ignore what they do not know).
const { mis } = takeDemoMisFlag(process.argv.slice(1));
runShell({ demo: (config, slipsDir) => startDemoBackends(config, slipsDir, { mis }) });
