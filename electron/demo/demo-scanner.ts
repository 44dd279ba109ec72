// The demo's virtual scanner: a pair of linked pseudo-terminals made by socat. The kiosk opens
// one end as its serial scanner (`scanner.type = "serial"`, the same code path as a USB CDC
// imager); `npm run scanner` writes a scan into the other end. Demo only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface DemoScanner {
  /** What the kiosk opens. */
  kioskPath: string;
  /** Where a scan is written. */
  inPath: string;
  close(): Promise<void>;
}

/** The folder of the demo scanner's two ends, next to the demo slips. */
export const demoScannerDir = (stateDir: string) => path.join(stateDir, 'demo-scanner');

export async function startDemoScanner(dir: string): Promise<DemoScanner | null> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kioskPath = path.join(dir, 'kiosk');
  const inPath = path.join(dir, 'in');
  let child: ChildProcess;
  try {
    // raw, no echo: the scanner's bytes (a binary paper-policy payload) pass unchanged.
    child = spawn('socat', [`pty,raw,echo=0,link=${kioskPath}`, `pty,raw,echo=0,link=${inPath}`], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const failed = new Promise<false>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('exit', () => resolve(false));
  });
  const ready = (async () => {
    for (let i = 0; i < 60; i++) {
      if (existsSync(kioskPath) && existsSync(inPath)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  })();
  if (!(await Promise.race([ready, failed]))) {
    child.kill();
    return null;
  }
  return {
    kioskPath,
    inPath,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
