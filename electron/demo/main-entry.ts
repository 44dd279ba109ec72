// Electron main entry of a demo build (`INFOMAT_DEMO_BUILD=1 npm run build`, used by
// `npm start` where Electron exists): the shell with the MIS simulator and virtual printer.
import { runShell } from '../main/shell';
import { startDemoBackends } from './demo-backends';

runShell({ demo: startDemoBackends });
