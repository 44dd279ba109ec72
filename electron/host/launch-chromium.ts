// Starts Debian's Chromium on the browser host's renderer. The command line (which any local
// user can read with `ps`) carries only a one-time launch code: the host spends it on the
// first request, so by the time anyone reads it, it opens nothing. The browser profile is a
// fresh private folder (mkdtemp, 0700) removed when the browser exits or the host stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirSync } from '../core/fs/private-dir';
import type { RunningBrowserHost } from './browser-host';

export interface LaunchChromiumOptions {
  host: Pick<RunningBrowserHost, 'issueLaunchUrl'>;
  /** Flags before `--user-data-dir` and `--app` (kiosk flags, window geometry, --kiosk). */
  args: readonly string[];
  /** A private folder the profile is made in (checked, created 0700 if missing). */
  profileParent: string;
  chromiumPath?: string;
  /** The browser exited (crashed, closed). */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface LaunchedChromium {
  readonly child: ChildProcess;
  readonly profileDir: string;
  /** Stops the browser, waits for it and removes its profile. */
  close(): Promise<void>;
}

export function launchChromium(opts: LaunchChromiumOptions): LaunchedChromium {
  const parent = ensurePrivateDirSync(opts.profileParent);
  const profileDir = mkdtempSync(path.join(parent, 'chromium-'));
  let removed = false;
  const removeProfile = (): void => {
    if (removed) return;
    removed = true;
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  };
  // Also when the host exits without close() (an uncaught error): the profile must not stay.
  process.once('exit', removeProfile);

  // Chromium's own temp files (org.chromium.Chromium.*) go inside the profile, removed with it.
  const tmp = path.join(profileDir, 'tmp');
  mkdirSync(tmp, { mode: 0o700 });
  const child = spawn(opts.chromiumPath ?? '/usr/bin/chromium', [...opts.args, `--user-data-dir=${profileDir}`, `--app=${opts.host.issueLaunchUrl()}`], {
    stdio: 'ignore',
    env: { ...process.env, TMPDIR: tmp },
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      removeProfile();
      process.off('exit', removeProfile);
      resolve();
      opts.onExit?.(code, signal);
    });
    child.once('error', () => {
      removeProfile();
      resolve();
    });
  });

  return {
    child,
    profileDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      timer.unref();
      await exited;
      clearTimeout(timer);
      removeProfile();
    },
  };
}

/**
 * With no browser to launch, the technician gets a launch URL on stdout: single-use and valid
 * for a minute, so it says so, and Enter prints a fresh one (when stdin is a terminal).
 */
export function announceLaunchUrl(host: Pick<RunningBrowserHost, 'issueLaunchUrl'>, reason: string, out: (line: string) => void = console.log): () => void {
  const say = (): void => out(`${reason}: open this single-use link within 60 s (Enter prints a new one): ${host.issueLaunchUrl()}`);
  say();
  if (!process.stdin.isTTY) return () => {};
  const onData = (): void => say();
  process.stdin.on('data', onData);
  process.stdin.unref?.();
  return () => {
    process.stdin.off('data', onData);
    process.stdin.pause();
  };
}
