/**
 * Flags for Debian's Chromium on a kiosk machine and in the tests: no sandbox (runs as root in
 * CI), no GPU, and none of the background traffic that fails on a closed clinic network.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
