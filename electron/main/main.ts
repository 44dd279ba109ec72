// Electron main entry of the production build: no demo backends, so `--demo` is refused.
import { runShell } from './shell';

runShell();
