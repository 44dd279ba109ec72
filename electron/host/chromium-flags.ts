import { KIOSK_SWITCHES, switchArgs } from '../core/serving';

/**
 * Flags for Debian's Chromium on a kiosk machine and in the tests: no sandbox (runs as root in
 * CI), no GPU, and none of the background traffic that fails on a closed clinic network. Only
 * the browser host's Chromium needs these: Electron keeps its sandbox and has no sync, component
 * updater or first-run screen. Playwright and the bench launch with these alone.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the host launches the kiosk's Chromium with: the above and the kiosk switches both hosts share. */
export const KIOSK_CHROMIUM_FLAGS: readonly string[] = [...CHROMIUM_FLAGS, ...switchArgs(KIOSK_SWITCHES)];
