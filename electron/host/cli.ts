// The browser host's production entry point: no demo backends are reachable from here, so
// `--demo` is refused with one line.
import { runHost } from './run-host';

void runHost().catch((err) => {
  console.error(err);
  process.exit(1);
});
