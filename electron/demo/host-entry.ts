// `npm start` without an Electron binary: the browser host with the MIS simulator and the
// virtual printer embedded. `--mis n3` runs it on the N3 HubService simulator.
import { runHost } from '../host/run-host';
import { startDemoBackends } from './demo-backends';
import { takeDemoMisFlag } from './demo-mis';

let flag: ReturnType<typeof takeDemoMisFlag>;
try {
  flag = takeDemoMisFlag(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
void runHost({ args: flag.rest, demo: (config, slipsDir) => startDemoBackends(config, slipsDir, { mis: flag.mis }) }).catch((err) => {
  console.error(err);
  process.exit(1);
});
