// `npm start` without an Electron binary: the browser host with the MIS simulator and the
// virtual printer embedded.
import { runHost } from '../host/run-host';
import { startDemoBackends } from './demo-backends';

void runHost({ demo: startDemoBackends }).catch((err) => {
  console.error(err);
  process.exit(1);
});
